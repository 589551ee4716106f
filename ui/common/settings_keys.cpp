#include "ui/common/settings_keys.h"

namespace tstudio::ui::settings_keys {

QString windowGeometry() {
    return QStringLiteral("mainWindow/geometry");
}

QString windowState() {
    return QStringLiteral("mainWindow/state");
}

QString currentPage() {
    return QStringLiteral("mainWindow/page");
}

QString dataPageGroup() {
    return QStringLiteral("dataPage");
}

QString dataPageSplitter(const QString& group) {
    return group + QStringLiteral("/splitter");
}

QString lastDataset() {
    return QStringLiteral("data/lastDataset");
}

QString lastProject() {
    return QStringLiteral("project/last");
}

QString recentProjects() {
    return QStringLiteral("project/recent");
}

QString labelAutoAdvance() {
    return QStringLiteral("label/autoAdvance");
}

QString labelSuggest() {
    return QStringLiteral("label/suggest");
}

QString labelThumbnailSize() {
    return QStringLiteral("label/thumbnailSize");
}

QString classifyGradCam() {
    return QStringLiteral("classify/gradCam");
}

QString classifyGradCamOpacity() {
    return QStringLiteral("classify/gradCamOpacity");
}

QString backbone() {
    return QStringLiteral("model/backbone");
}

QString weightsFor(const QString& arch) {
    return QStringLiteral("weights/") + arch;
}

QString trainingConfig() {
    return QStringLiteral("train/config");
}

QString resumableRun() {
    return QStringLiteral("train/resumableRun");
}

QString trainingProcesses() {
    return QStringLiteral("train/processes");
}

QString defaultBackbone() {
    return QStringLiteral("mobilenet_v2");
}

} // namespace tstudio::ui::settings_keys
