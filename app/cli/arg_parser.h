#pragma once

#include <map>
#include <string>
#include <vector>

namespace tstudio::cli {

/**
 * A small GNU-style option parser over the raw argv bytes: "--name value", "--name=value",
 * flags, "--" ends options. Raw bytes, not QCoreApplication::arguments(): a file name that is not
 * valid UTF-8 must reach the decoder unchanged.
 */
class ArgParser {
public:
    ArgParser(std::string usage, std::string description);

    void addOption(const std::string& name, const std::string& valueName, const std::string& help,
                   const std::string& defaultValue = {});
    void addFlag(const std::string& name, const std::string& help);
    void setEpilogue(std::string text) { m_epilogue = std::move(text); }

    /** Parses args (the command's own, without program and command name). False: see error(). */
    bool parse(const std::vector<std::string>& args);

    bool helpRequested() const { return m_help; }
    bool isSet(const std::string& name) const { return m_values.count(name) != 0; }
    /** The option's value, or its default. */
    std::string value(const std::string& name) const;
    const std::vector<std::string>& positional() const { return m_positional; }
    const std::string& error() const { return m_error; }
    std::string helpText() const;

private:
    struct Option {
        std::string name;
        std::string valueName; ///< empty for a flag
        std::string help;
        std::string defaultValue;
    };
    const Option* find(const std::string& name) const;

    std::string m_usage;
    std::string m_description;
    std::string m_epilogue;
    std::vector<Option> m_options;
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_positional;
    std::string m_error;
    bool m_help = false;
};

/**
 * The options' numbers, read by parseNumber (core/common/parse_number.h): text as a whole int or
 * finite double in [min, max] goes into out; anything else returns false and leaves out alone.
 */
bool parseInt(const std::string& text, int min, int max, int& out);
bool parseDouble(const std::string& text, double min, double max, double& out);

} // namespace tstudio::cli
