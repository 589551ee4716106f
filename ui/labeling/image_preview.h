#pragma once

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;

namespace tstudio::ui {

class BackgroundJob;

/**
 * The current image of the labelling grid, large, with its facts: file name, pixel size, format,
 * the dataset check's problems with it, label, split and whether it is excluded. The picture is
 * decoded off the GUI thread; moving on before it arrives drops it. GUI thread.
 */
class ImagePreview final : public QWidget {
    Q_OBJECT

public:
    /** What the worker makes of a file. */
    struct Loaded {
        QString path;
        QImage image; ///< shrunk to at most kSide; null when it failed
        QSize size;   ///< the file's own pixel size
        QString format;
        QString error;
    };
    static constexpr int kSide = 640;

    explicit ImagePreview(QWidget* parent = nullptr);
    ~ImagePreview() override;

    /** Shows path (empty: nothing) with these facts; decodes only when path changes. */
    void setImage(const QString& path, const QString& className, const QString& split,
                  bool excluded, const QStringList& problems = {});
    const QString& path() const { return m_path; }
    /** The facts as shown. */
    QString factsText() const;

Q_SIGNALS:
    /** The picture of path() is on screen (or failed to decode). */
    void loaded(const QString& path);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void onLoaded(Loaded loaded);
    void updatePicture();
    void updateFacts();

    QLabel* m_picture;
    QLabel* m_facts;
    BackgroundJob* m_decode; ///< newest path only: a new one cancels and forgets the last
    QString m_path;
    QString m_className;
    QString m_split;
    bool m_excluded = false;
    QStringList m_problems;
    Loaded m_loaded;
};

} // namespace tstudio::ui
