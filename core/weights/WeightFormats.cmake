# The torch-free weight-file parsers, listed once for tstudio_weights_formats (core/weights) and
# for the fuzzers (tests/fuzz), which compile them with their own instrumentation. Both link them
# with Qt Core (JSON) and zlib (the zip CRC-32).
set(TSTUDIO_WEIGHT_FORMAT_SOURCES
    byte_reader.h
    pickle_machine.cpp
    pickle_machine.h
    pickle_machine_run.h
    pickle_opcodes.cpp
    pickled_state_dict.cpp
    pickled_state_dict.h
    pth_legacy_format.cpp
    pth_legacy_format.h
    pth_zip_format.h
    pth_zip_reader.cpp
    pth_zip_writer.cpp
    safetensors_format.cpp
    safetensors_format.h
    weight_file.cpp
    weight_file.h
    weight_messages.h
    weight_records.cpp
    weight_records.h
    zip_archive.cpp
    zip_archive.h)
