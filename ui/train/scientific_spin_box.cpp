#include "ui/train/scientific_spin_box.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <QLocale>

namespace tstudio::ui {

ScientificSpinBox::ScientificSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
    // QDoubleSpinBox rounds every value to decimals(): keep enough that a rate like
    // 4.97702356e-06 from the LR finder survives with all its digits.
    setDecimals(20);
    setRange(1e-9, 10.0);
    setKeyboardTracking(false);
}

QString ScientificSpinBox::textFromValue(double value) const {
    return locale().toString(value, 'g', 3);
}

double ScientificSpinBox::valueFromText(const QString& text) const {
    bool ok = false;
    const double value = locale().toDouble(text.trimmed(), &ok);
    if (ok) {
        return value;
    }
    const double cValue = QLocale::c().toDouble(text.trimmed(), &ok);
    return ok ? cValue : this->value();
}

QValidator::State ScientificSpinBox::validate(QString& text, int&) const {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return QValidator::Intermediate;
    }
    bool ok = false;
    double value = locale().toDouble(trimmed, &ok);
    if (!ok) {
        value = QLocale::c().toDouble(trimmed, &ok);
    }
    if (ok) {
        return value >= minimum() && value <= maximum() ? QValidator::Acceptable
                                                        : QValidator::Intermediate;
    }
    // "1e", "1e-", "0." are on the way to a number.
    for (const QChar c : trimmed) {
        if (!c.isDigit() && c != QLatin1Char('e') && c != QLatin1Char('E') &&
            c != QLatin1Char('-') && c != QLatin1Char('+') &&
            !locale().decimalPoint().contains(c)) {
            return QValidator::Invalid;
        }
    }
    return QValidator::Intermediate;
}

void ScientificSpinBox::fixup(QString& input) const {
    input = textFromValue(value());
}

double ScientificSpinBox::nextStep(double value, bool up) {
    if (value <= 0.0) {
        return up ? 1e-6 : 0.0;
    }
    const double exponent = std::floor(std::log10(value));
    const double scale = std::pow(10.0, exponent);
    const double mantissa = value / scale;
    constexpr double kTolerance = 1e-6;
    if (up) {
        if (mantissa < 2.0 - kTolerance) {
            return 2.0 * scale;
        }
        return mantissa < 5.0 - kTolerance ? 5.0 * scale : 10.0 * scale;
    }
    if (mantissa > 5.0 + kTolerance) {
        return 5.0 * scale;
    }
    if (mantissa > 2.0 + kTolerance) {
        return 2.0 * scale;
    }
    return mantissa > 1.0 + kTolerance ? scale : 0.5 * scale;
}

void ScientificSpinBox::stepBy(int steps) {
    double value = this->value();
    for (int i = 0; i < std::abs(steps); ++i) {
        value = nextStep(value, steps > 0);
    }
    setValue(std::clamp(value, minimum(), maximum()));
    selectAll();
}

} // namespace tstudio::ui
