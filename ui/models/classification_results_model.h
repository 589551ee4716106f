#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include "ui/classify/classified_image.h"

namespace tstudio::ui {

/**
 * The Classify step's results, one row per image in the order they were classified: File (with
 * its thumbnail), Class (the top one), Probability, Top classes. An unreadable file keeps its
 * row: Class says "unreadable" and Top classes gives the reason. Read-only; appendImages()
 * inserts rows, clear() resets. SortRole sorts numbers as numbers (unreadable files last when
 * sorting by falling probability).
 */
class ClassificationResultsModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { File, TopClass, Probability, TopClasses, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< file name, class, probability (unreadable: -1)
        PathRole,                    ///< the image's path (any column)
        ErrorRole,                   ///< why it could not be classified; empty when it was
        /** TopClasses column: QVariantList of QVariantList{class name, probability}. */
        TopClassesRole,
    };

    explicit ClassificationResultsModel(QObject* parent = nullptr);

    /** The model's class names, by class index (for the CSV); clear() keeps them. */
    void setClasses(const QStringList& classes) { m_classes = classes; }
    const QStringList& classes() const { return m_classes; }

    void appendImages(const QList<ClassifiedImage>& images);
    void clear();
    const ClassifiedImage& image(int row) const { return m_images[static_cast<std::size_t>(row)]; }
    const std::vector<ClassifiedImage>& images() const { return m_images; }
    /** How many rows hold a classified image (not an unreadable one). */
    int classifiedCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QStringList m_classes;
    std::vector<ClassifiedImage> m_images;
};

} // namespace tstudio::ui
