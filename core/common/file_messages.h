#pragma once

// The messages about files core writes that reach a person: English templates of the
// "FileMessage" context (core/common/message_text.h). A new template belongs in the list.

#include <QtGlobal>

#include "core/common/message_text.h"

namespace tstudio::file_text {

inline constexpr char kContext[] = "FileMessage";

/** %2: the system's reason (disk full, no permission). */
inline constexpr char kCannotWrite[] = QT_TRANSLATE_NOOP("FileMessage", "Cannot write %1: %2");

} // namespace tstudio::file_text

namespace tstudio {

/** Every template above, for MessageCatalog. */
inline constexpr MessageTemplate kFileMessages[] = {
    {file_text::kContext, file_text::kCannotWrite},
};

} // namespace tstudio
