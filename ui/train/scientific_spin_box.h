#pragma once

#include <QDoubleSpinBox>

namespace tstudio::ui {

/**
 * A spin box for values spanning decades (learning rates): shows "3e-04"-style numbers with
 * three significant digits, accepts any number typed in (1e-4, 0.0003), and steps along
 * 1, 2, 5, 10, 20, ... so the arrows move by meaningful amounts at any scale.
 */
class ScientificSpinBox final : public QDoubleSpinBox {
    Q_OBJECT

public:
    explicit ScientificSpinBox(QWidget* parent = nullptr);

    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
    void fixup(QString& input) const override;
    void stepBy(int steps) override;

    /** The next value along 1-2-5 after value, up or down. */
    static double nextStep(double value, bool up);
};

} // namespace tstudio::ui
