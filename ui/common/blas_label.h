#pragma once

#include <QLabel>

#include "core/common/blas_info.h"

namespace tstudio::ui {

/**
 * The status bar's BLAS line: which BLAS library LibTorch calls ("BLAS: OpenBLAS (OpenMP)",
 * its path in the tooltip). The reference BLAS makes every Linear layer and training step many
 * times slower, so then the label says so and the tooltip names the package that cures it.
 */
class BlasLabel final : public QLabel {
    Q_OBJECT

public:
    explicit BlasLabel(const BlasInfo& blas, QWidget* parent = nullptr);
};

} // namespace tstudio::ui
