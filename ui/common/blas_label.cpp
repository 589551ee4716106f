#include "ui/common/blas_label.h"

namespace tstudio::ui {

BlasLabel::BlasLabel(const BlasInfo& blas, QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("blasLabel"));
    const QString name = QString::fromStdString(blas.name);
    const QString library = QString::fromStdString(blas.library);
    if (!blas.isReference) {
        setText(tr("BLAS: %1").arg(name));
        setToolTip(library.isEmpty() ? tr("No BLAS library found in this process")
                                     : tr("LibTorch's matrix products run in %1").arg(library));
        return;
    }
    setText(tr("⚠ BLAS: reference, slow · install libopenblas0-openmp"));
    setToolTip(tr("LibTorch calls the unoptimised reference BLAS (%1): training and Linear "
                  "layers will be very slow. Install OpenBLAS and restart Transfer Studio:\n"
                  "sudo apt install libopenblas0-openmp")
                   .arg(library));
}

} // namespace tstudio::ui
