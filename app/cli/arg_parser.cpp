#include "arg_parser.h"

#include <algorithm>
#include <optional>

#include "core/common/parse_number.h"

namespace tstudio::cli {

ArgParser::ArgParser(std::string usage, std::string description)
    : m_usage(std::move(usage)), m_description(std::move(description)) {}

void ArgParser::addOption(const std::string& name, const std::string& valueName,
                          const std::string& help, const std::string& defaultValue) {
    m_options.push_back({name, valueName, help, defaultValue});
}

void ArgParser::addFlag(const std::string& name, const std::string& help) {
    m_options.push_back({name, {}, help, {}});
}

const ArgParser::Option* ArgParser::find(const std::string& name) const {
    const auto it = std::find_if(m_options.begin(), m_options.end(),
                                 [&](const Option& o) { return o.name == name; });
    return it == m_options.end() ? nullptr : &*it;
}

bool ArgParser::parse(const std::vector<std::string>& args) {
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (optionsEnded || arg.size() < 2 || arg[0] != '-') {
            m_positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (arg == "-h" || arg == "--help") {
            m_help = true;
            continue;
        }
        if (!arg.starts_with("--")) {
            m_error = "unknown option " + arg;
            return false;
        }
        const std::size_t equals = arg.find('=');
        const std::string name =
            arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
        const Option* option = find(name);
        if (option == nullptr) {
            m_error = "unknown option --" + name;
            return false;
        }
        if (option->valueName.empty()) {
            if (equals != std::string::npos) {
                m_error = "option --" + name + " takes no value";
                return false;
            }
            m_values.insert_or_assign(
                name, std::string(1, '1')); // not = "1": GCC 12 -Wrestrict false positive
        } else if (equals != std::string::npos) {
            m_values[name] = arg.substr(equals + 1);
        } else if (i + 1 < args.size()) {
            m_values[name] = args[++i];
        } else {
            m_error = "option --" + name + " needs a value (" + option->valueName + ")";
            return false;
        }
    }
    return true;
}

std::string ArgParser::value(const std::string& name) const {
    const auto it = m_values.find(name);
    if (it != m_values.end()) {
        return it->second;
    }
    const Option* option = find(name);
    return option != nullptr ? option->defaultValue : std::string();
}

std::string ArgParser::helpText() const {
    std::string text = "Usage: " + m_usage + "\n\n" + m_description + "\n\nOptions:\n";
    std::vector<std::pair<std::string, std::string>> rows{{"-h, --help", "Show this help."}};
    for (const Option& o : m_options) {
        std::string help = o.help;
        if (!o.defaultValue.empty()) {
            help += " (default: " + o.defaultValue + ")";
        }
        // Appends, not operator+ chains: GCC 12 warns falsely (-Wrestrict) on those here.
        std::string left = "--";
        left += o.name;
        if (!o.valueName.empty()) {
            left += ' ';
            left += o.valueName;
        }
        rows.emplace_back(std::move(left), std::move(help));
    }
    // Names longer than kMaxName get their help on the next line, so one long name (a list of
    // choices) does not push every help text to the right.
    constexpr std::size_t kMaxName = 28;
    std::size_t width = 0;
    for (const auto& row : rows) {
        if (row.first.size() <= kMaxName) {
            width = std::max(width, row.first.size());
        }
    }
    const std::string indent(width + 4, ' ');
    for (const auto& [left, right] : rows) {
        std::string help;
        for (const char c : right) {
            help += c;
            if (c == '\n') {
                help += indent; // continuation lines line up under the first
            }
        }
        if (left.size() > width) {
            text += "  " + left + "\n" + indent + help + "\n";
        } else {
            text += "  " + left + std::string(width - left.size() + 2, ' ') + help + "\n";
        }
    }
    if (!m_epilogue.empty()) {
        text += "\n" + m_epilogue;
    }
    return text;
}

bool parseInt(const std::string& text, int min, int max, int& out) {
    const std::optional<int> value = parseNumber<int>(text);
    if (!value || *value < min || *value > max) {
        return false;
    }
    out = *value;
    return true;
}

bool parseDouble(const std::string& text, double min, double max, double& out) {
    const std::optional<double> value = parseNumber<double>(text);
    if (!value || *value < min || *value > max) {
        return false;
    }
    out = *value;
    return true;
}

} // namespace tstudio::cli
