#include "ui/common/failure_message.h"

#include <QCoreApplication>

#include "core/common/file_messages.h"
#include "core/common/message_text.h"
#include "core/training/training_messages.h"
#include "core/weights/weight_messages.h"

namespace tstudio::ui {

namespace {

/** Every template of core whose messages reach the window as an Error. */
const MessageCatalog& coreMessages() {
    static const MessageCatalog catalog(
        {weights::kWeightMessages, training::kTrainingMessages, kFileMessages});
    return catalog;
}

} // namespace

QString failureAdvice(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::General:
        return {};
    case ErrorKind::BadWeights:
        return QCoreApplication::translate(
            "FailureMessage",
            "The weight file cannot be read or does not fit this backbone. Choose the "
            "backbone it was made for, or another file, on the Model page.");
    case ErrorKind::Dataset:
        return QCoreApplication::translate(
            "FailureMessage",
            "The dataset cannot be trained on as it is. Check the classes and the problems "
            "listed on the Data page.");
    case ErrorKind::NotFinite:
        return QCoreApplication::translate(
            "FailureMessage",
            "Training diverged: the loss became NaN or infinite. Try a lower learning rate "
            "(the LR finder suggests one); the last good checkpoint is kept.");
    case ErrorKind::OutOfMemory:
        return QCoreApplication::translate(
            "FailureMessage", "Out of memory. Try a smaller batch size or input size.");
    case ErrorKind::DeviceUnavailable:
        return QCoreApplication::translate(
            "FailureMessage",
            "The chosen device is not available on this computer. Choose “cpu” (or "
            "another GPU) under Device.");
    }
    return {};
}

QString failureMessage(ErrorKind kind, const QString& detail) {
    const QString advice = failureAdvice(kind);
    if (advice.isEmpty()) {
        return detail;
    }
    return detail.isEmpty() ? advice : advice + QLatin1Char('\n') + detail;
}

QString translatedError(const std::string& message) {
    return coreMessages().translate(message);
}

QString failureMessage(const Error& error) {
    return failureMessage(error.kind, translatedError(error.message));
}

} // namespace tstudio::ui
