#include "ui/labeling/labeling_page.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <unordered_set>

#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStandardItemModel>
#include <QUndoStack>
#include <QVBoxLayout>

#include "core/data/dataset.h"
#include "ui/common/background_job.h"
#include "ui/common/settings_keys.h"
#include "ui/labeling/class_panel.h"
#include "ui/labeling/dropped_images.h"
#include "ui/labeling/image_filter_model.h"
#include "ui/labeling/image_grid_model.h"
#include "ui/labeling/image_preview.h"
#include "ui/labeling/label_commands.h"
#include "ui/labeling/label_suggestions.h"
#include "ui/labeling/thumbnail_loader.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

namespace {

constexpr int kShowRole = Qt::UserRole;
constexpr int kValueRole = Qt::UserRole + 1;

QString problemKindTitle(data::ProblemKind kind) {
    using K = data::ProblemKind;
    switch (kind) {
    case K::Missing:
        return LabelingPage::tr("missing");
    case K::ZeroByte:
        return LabelingPage::tr("empty file");
    case K::NotAnImage:
        return LabelingPage::tr("not an image");
    case K::Truncated:
        return LabelingPage::tr("truncated");
    case K::Unreadable:
        return LabelingPage::tr("unreadable");
    case K::WrongExtension:
        return LabelingPage::tr("wrong extension");
    case K::Duplicate:
        return LabelingPage::tr("duplicate");
    case K::DuplicateAcrossSplits:
        return LabelingPage::tr("duplicate across splits");
    case K::TooSmall:
        return LabelingPage::tr("too small");
    case K::TooFewImages:
        return LabelingPage::tr("too few images");
    case K::Imbalance:
        return LabelingPage::tr("imbalance");
    }
    return QString::fromStdString(data::problemKindName(kind));
}

bool isOwnDrag(const QMimeData* mime) {
    return mime != nullptr && mime->hasFormat(ImageGridModel::samplesMimeType());
}

} // namespace

LabelingPage::LabelingPage(ProjectState* state, QUndoStack* undo, ThumbnailLoader* loader,
                           QWidget* parent)
    : QWidget(parent), m_state(state), m_undo(undo),
      m_loader(loader != nullptr ? loader
                                 : new ThumbnailLoader(ThumbnailLoader::kDefaultSize,
                                                       ThumbnailLoader::defaultCacheDir(), this)),
      m_model(new ImageGridModel(state, m_loader, this)), m_filter(new ImageFilterModel(this)),
      m_suggestions(new LabelSuggestions(state, this)) {
    setObjectName(QStringLiteral("labelingPage"));
    m_model->setSuggestions(m_suggestions);
    setAcceptDrops(true);
    m_filter->setSourceModel(m_model);

    // Created in tab order: grid, the actions, the classes, then the view's settings.
    m_grid = new QListView(this);
    m_grid->setObjectName(QStringLiteral("imageGrid"));
    m_grid->setViewMode(QListView::IconMode);
    // Static movement with uniform sizes lays 20,000 items out without asking each its size.
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setUniformItemSizes(true);
    m_grid->setLayoutMode(QListView::Batched);
    m_grid->setBatchSize(2000);
    m_grid->setWrapping(true);
    m_grid->setWordWrap(false);
    m_grid->setTextElideMode(Qt::ElideMiddle);
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Drags out only: drops of files fall through to the page, of thumbnails onto classes.
    m_grid->setDragDropMode(QAbstractItemView::DragOnly);
    m_grid->setDefaultDropAction(Qt::CopyAction);
    m_grid->setModel(m_filter);
    m_grid->installEventFilter(this);
    setFocusProxy(m_grid);

    m_skip = new QPushButton(tr("Skip (Space)"), this);
    m_skip->setToolTip(tr("Move on without labelling"));
    m_exclude = new QPushButton(tr("Exclude (X)"), this);
    m_exclude->setToolTip(tr("Leave the selected images out of training, or bring them back"));
    m_clear = new QPushButton(tr("Clear Label (0)"), this);
    m_clear->setToolTip(tr("Make the selected images unlabeled again"));
    connect(m_skip, &QPushButton::clicked, this, &LabelingPage::skip);
    connect(m_exclude, &QPushButton::clicked, this, &LabelingPage::toggleExcluded);
    connect(m_clear, &QPushButton::clicked, this, &LabelingPage::clearLabel);

    m_classes = new ClassPanel(state, undo, this);
    connect(m_classes, &ClassPanel::labelRequested, this, &LabelingPage::labelSelection);
    connect(m_classes, &ClassPanel::samplesDropped, this,
            [this](int classIndex, const std::vector<std::size_t>& samples) {
                labelSamples(samples, classIndex);
            });
    connect(m_classes, &ClassPanel::filesDropped, this,
            [this](int classIndex, const QList<QUrl>& urls) { addImages(urls, classIndex); });

    QWidget* toolBar = createToolBar();
    m_preview = new ImagePreview(this);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_skip);
    actions->addWidget(m_exclude);
    actions->addWidget(m_clear);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_preview, 3);
    sideLayout->addLayout(actions);
    sideLayout->addWidget(m_classes, 2);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_grid);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(toolBar);
    layout->addWidget(splitter, 1);

    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LabelingPage::updatePreview);
    connect(state, &ProjectState::datasetChanged, this, &LabelingPage::onDatasetChanged);
    connect(state, &ProjectState::classesChanged, this, [this] {
        rebuildFilterCombo();
        updatePreview();
    });
    for (auto signal : {&ProjectState::samplesAdded, &ProjectState::samplesRemoved}) {
        connect(state, signal, this, &LabelingPage::updateCounts);
    }
    connect(state, &ProjectState::samplesChanged, this, [this] {
        updateCounts();
        updatePreview();
    });
    connect(state, &ProjectState::trainingChanged, this, &LabelingPage::onTrainingChanged);
    connect(state, &ProjectState::reportChanged, this, [this] {
        rebuildFilterCombo();
        updatePreview();
    });
    onDatasetChanged();
    onTrainingChanged(state->isTraining());
    m_suggest->setChecked(QSettings().value(settings_keys::labelSuggest(), true).toBool());
    m_suggestSource->setEnabled(m_suggest->isChecked());
}

void LabelingPage::onTrainingChanged(bool training) {
    for (QWidget* editor : std::initializer_list<QWidget*>{m_classes, m_exclude, m_clear}) {
        editor->setEnabled(!training);
    }
}

bool LabelingPage::checkEditable() {
    if (m_state->isTraining()) {
        Q_EMIT statusMessage(
            tr("A training run is using the dataset: labels can change once it has ended."));
        return false;
    }
    return true;
}

void LabelingPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Opening the step (Ctrl+2, the step bar) puts the keys where the labelling happens.
    m_grid->setFocus(Qt::OtherFocusReason);
}

QWidget* LabelingPage::createToolBar() {
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);

    m_filterCombo = new QComboBox(bar);
    m_filterCombo->setObjectName(QStringLiteral("labelFilter"));
    m_filterCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* filterLabel = new QLabel(tr("&Show:"), bar);
    filterLabel->setBuddy(m_filterCombo);
    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, &LabelingPage::applyFilter);

    m_orderCombo = new QComboBox(bar);
    m_orderCombo->setObjectName(QStringLiteral("labelOrder"));
    m_orderCombo->addItem(tr("Dataset order"), static_cast<int>(ImageFilterModel::Order::Dataset));
    m_orderCombo->addItem(tr("Name"), static_cast<int>(ImageFilterModel::Order::Name));
    m_orderCombo->addItem(tr("Date modified"), static_cast<int>(ImageFilterModel::Order::Modified));
    m_orderCombo->addItem(tr("Class"), static_cast<int>(ImageFilterModel::Order::Class));
    m_orderCombo->addItem(tr("Least confident first"),
                          static_cast<int>(ImageFilterModel::Order::LeastConfident));
    auto* orderLabel = new QLabel(tr("&Order:"), bar);
    orderLabel->setBuddy(m_orderCombo);
    connect(m_orderCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setOrder(
            static_cast<ImageFilterModel::Order>(m_orderCombo->currentData().toInt()));
    });

    m_zoom = new QSlider(Qt::Horizontal, bar);
    m_zoom->setObjectName(QStringLiteral("labelZoom"));
    m_zoom->setRange(48, ThumbnailLoader::kDefaultSize);
    m_zoom->setSingleStep(8);
    m_zoom->setPageStep(32);
    m_zoom->setMinimumWidth(80);
    m_zoom->setMaximumWidth(160);
    m_zoom->setToolTip(tr("Thumbnail size"));
    auto* zoomLabel = new QLabel(tr("&Size:"), bar);
    zoomLabel->setBuddy(m_zoom);
    const int size =
        QSettings()
            .value(settings_keys::labelThumbnailSize(), settings_keys::kDefaultLabelThumbnailSize)
            .toInt();
    m_zoom->setValue(size);
    applyZoom(m_zoom->value());
    connect(m_zoom, &QSlider::valueChanged, this, [this](int value) {
        applyZoom(value);
        QSettings().setValue(settings_keys::labelThumbnailSize(), value);
    });

    m_autoAdvance = new QCheckBox(tr("&Next unlabeled after labelling"), bar);
    m_autoAdvance->setObjectName(QStringLiteral("labelAutoAdvance"));
    m_autoAdvance->setChecked(QSettings().value(settings_keys::labelAutoAdvance(), true).toBool());
    // Checked once the page is wired (below), so the first run sees the dataset.
    connect(m_autoAdvance, &QCheckBox::toggled, this,
            [](bool on) { QSettings().setValue(settings_keys::labelAutoAdvance(), on); });

    m_suggest = new QCheckBox(tr("Su&ggest labels"), bar);
    m_suggest->setObjectName(QStringLiteral("labelSuggest"));
    m_suggest->setToolTip(tr("Propose a class for every unlabeled image, from the backbone's "
                             "features once two classes have labels or from the last trained "
                             "model; Enter accepts, Delete rejects"));
    m_suggestSource = new QComboBox(bar);
    m_suggestSource->setObjectName(QStringLiteral("labelSuggestSource"));
    m_suggestSource->setToolTip(tr("Where the suggested labels come from"));
    m_suggestSource->addItem(tr("Features (nearest class centroid)"),
                             static_cast<int>(LabelSuggestions::Source::Features));
    m_suggestSource->addItem(tr("Last trained model"),
                             static_cast<int>(LabelSuggestions::Source::LastModel));
    m_suggestSource->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_suggestSource, &QComboBox::currentIndexChanged, this, [this] {
        m_suggestions->setSource(
            static_cast<LabelSuggestions::Source>(m_suggestSource->currentData().toInt()));
    });
    connect(m_suggestions, &LabelSuggestions::lastModelChanged, this,
            &LabelingPage::updateSuggestSource);
    updateSuggestSource();
    m_suggestStatus = new QLabel(bar);
    m_suggestStatus->setObjectName(QStringLiteral("labelSuggestStatus"));
    // A fixed share of the bar: its changing text must not resize the grid below (a 20,000-image
    // grid lays itself out again on every width change).
    m_suggestStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_suggestStatus->setMinimumWidth(m_suggestStatus->fontMetrics().averageCharWidth() * 32);
    connect(m_suggest, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(settings_keys::labelSuggest(), on);
        m_suggestions->setEnabled(on);
        m_suggestSource->setEnabled(on);
        m_suggestStatus->setText(on ? tr("Suggesting…") : QString());
    });
    connect(m_suggestions, &LabelSuggestions::progress, this, [this](qint64 done, qint64 total) {
        m_suggestStatus->setText(tr("Suggesting %1 of %2…").arg(done).arg(total));
    });
    connect(m_suggestions, &LabelSuggestions::finished, this,
            [this](bool ok, const QString& message) {
                // A failure here is advice (too few labels, no weights yet), not an alarm.
                m_suggestStatus->setText(ok ? tr("Suggestions up to date") : message);
                m_suggestStatus->setToolTip(message);
            });

    m_counts = new QLabel(bar);
    m_counts->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // as the status above
    m_counts->setMinimumWidth(m_counts->fontMetrics().averageCharWidth() * 36);
    m_counts->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(filterLabel);
    layout->addWidget(m_filterCombo);
    layout->addWidget(orderLabel);
    layout->addWidget(m_orderCombo);
    layout->addWidget(zoomLabel);
    layout->addWidget(m_zoom);
    layout->addWidget(m_autoAdvance);
    layout->addWidget(m_suggest);
    layout->addWidget(m_suggestSource);
    layout->addWidget(m_suggestStatus);
    layout->addStretch(1);
    layout->addWidget(m_counts);
    return bar;
}

void LabelingPage::updateSuggestSource() {
    QString whyNot;
    const bool usable = m_suggestions->canUseLastModel(&whyNot);
    const int row =
        m_suggestSource->findData(static_cast<int>(LabelSuggestions::Source::LastModel));
    const QString name = m_suggestions->lastModelName();
    m_suggestSource->setItemText(row, name.isEmpty() ? tr("Last trained model")
                                                     : tr("Last trained model: %1").arg(name));
    m_suggestSource->setItemData(row, usable ? tr("Suggest with the model trained last") : whyNot,
                                 Qt::ToolTipRole);
    // A disabled entry, with the reason as its tooltip, rather than a missing one: the person
    // sees the choice exists and what it waits for.
    if (auto* items = qobject_cast<QStandardItemModel*>(m_suggestSource->model())) {
        items->item(row)->setEnabled(usable);
    }
    if (!usable && m_suggestSource->currentIndex() == row) {
        m_suggestSource->setCurrentIndex(0); // back to the features, which always can
        Q_EMIT statusMessage(whyNot);
    }
}

void LabelingPage::rebuildFilterCombo() {
    const int oldShow = m_filterCombo->currentData(kShowRole).toInt();
    const int oldValue = m_filterCombo->currentData(kValueRole).toInt();
    const QSignalBlocker blocker(m_filterCombo);
    m_filterCombo->clear();
    const auto add = [&](const QString& text, ImageFilterModel::Show show, int value) {
        m_filterCombo->addItem(text);
        const int row = m_filterCombo->count() - 1;
        m_filterCombo->setItemData(row, static_cast<int>(show), kShowRole);
        m_filterCombo->setItemData(row, value, kValueRole);
    };
    add(tr("All images"), ImageFilterModel::Show::All, 0);
    add(tr("Unlabeled"), ImageFilterModel::Show::Unlabeled, 0);
    add(tr("Excluded"), ImageFilterModel::Show::Excluded, 0);
    const data::Dataset& dataset = m_state->dataset();
    for (int i = 0; i < static_cast<int>(dataset.classes().size()); ++i) {
        add(tr("Class: %1")
                .arg(QString::fromStdString(dataset.classes()[static_cast<std::size_t>(i)])),
            ImageFilterModel::Show::Class, i);
    }
    if (dataset.hasSplit()) {
        for (const data::Split split :
             {data::Split::Train, data::Split::Val, data::Split::Test, data::Split::None}) {
            add(tr("Split: %1").arg(QString::fromStdString(data::splitName(split))),
                ImageFilterModel::Show::Split, static_cast<int>(split));
        }
    }
    if (m_state->report().sampleCount > 0) {
        // Only once a check has run: before, "no images with problems" would be a false promise.
        const std::map<data::ProblemKind, int> perKind = imagesPerProblemKind();
        int any = 0;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            any += m_model->hasProblems(row) ? 1 : 0;
        }
        add(tr("Images with problems (%1)").arg(any), ImageFilterModel::Show::Problem,
            ImageFilterModel::kAnyProblem);
        for (const auto& [kind, count] : perKind) {
            add(tr("Problem: %1 (%2)").arg(problemKindTitle(kind)).arg(count),
                ImageFilterModel::Show::Problem, static_cast<int>(kind));
        }
    }
    int keep = 0;
    for (int row = 0; row < m_filterCombo->count(); ++row) {
        if (m_filterCombo->itemData(row, kShowRole).toInt() == oldShow &&
            m_filterCombo->itemData(row, kValueRole).toInt() == oldValue) {
            keep = row;
        }
    }
    m_filterCombo->setCurrentIndex(keep);
    applyFilter();
}

std::map<data::ProblemKind, int> LabelingPage::imagesPerProblemKind() const {
    std::map<data::ProblemKind, int> perKind;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        std::vector<data::ProblemKind> kinds;
        for (const data::DatasetProblem* problem : m_model->problems(row)) {
            kinds.push_back(problem->kind);
        }
        // An image counts once per kind, however many problems of that kind name it.
        std::sort(kinds.begin(), kinds.end());
        kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
        for (const data::ProblemKind kind : kinds) {
            ++perKind[kind];
        }
    }
    return perKind;
}

void LabelingPage::applyFilter() {
    m_filter->setShow(
        static_cast<ImageFilterModel::Show>(m_filterCombo->currentData(kShowRole).toInt()),
        m_filterCombo->currentData(kValueRole).toInt());
    if (!m_grid->currentIndex().isValid() && m_filter->rowCount() > 0) {
        m_grid->selectionModel()->setCurrentIndex(m_filter->index(0, 0),
                                                  QItemSelectionModel::ClearAndSelect);
    }
    updatePreview();
}

void LabelingPage::applyZoom(int size) {
    const int height = size * 3 / 4;
    m_grid->setIconSize(QSize(size, height));
    // A fixed grid cell: the icon, one line of name, and a margin for the selection frame.
    m_grid->setGridSize(QSize(size + 16, height + m_grid->fontMetrics().height() + 14));
}

void LabelingPage::onDatasetChanged() {
    rebuildFilterCombo();
    updateCounts();
    // Start where the work is: the first image without a label.
    const int first = nextUnlabeled({}, 0);
    if (first >= 0) {
        selectSample(static_cast<std::size_t>(first));
    } else if (m_filter->rowCount() > 0) {
        m_grid->selectionModel()->setCurrentIndex(m_filter->index(0, 0),
                                                  QItemSelectionModel::ClearAndSelect);
    }
    updatePreview();
}

void LabelingPage::updateCounts() {
    const data::Dataset& dataset = m_state->dataset();
    const QLocale locale;
    m_counts->setText(tr("%1 images, %2 unlabeled, %3 excluded")
                          .arg(locale.toString(static_cast<qint64>(dataset.size())),
                               locale.toString(static_cast<qint64>(dataset.unlabeledCount())),
                               locale.toString(static_cast<qint64>(dataset.excludedCount()))));
}

void LabelingPage::updatePreview() {
    const int sample = currentSample();
    if (sample < 0) {
        m_preview->setImage({}, {}, {}, false);
        return;
    }
    const QModelIndex index = m_model->index(sample);
    m_preview->setImage(index.data(ImageGridModel::PathRole).toString(),
                        index.data(ImageGridModel::ClassNameRole).toString(),
                        QString::fromStdString(data::splitName(static_cast<data::Split>(
                            index.data(ImageGridModel::SplitRole).toInt()))),
                        index.data(ImageGridModel::ExcludedRole).toBool(),
                        index.data(ImageGridModel::ProblemsRole).toStringList());
}

std::vector<std::size_t> LabelingPage::selectedSamples() const {
    std::vector<std::size_t> samples;
    for (const QModelIndex& index : m_grid->selectionModel()->selectedIndexes()) {
        samples.push_back(static_cast<std::size_t>(m_filter->mapToSource(index).row()));
    }
    if (samples.empty() && currentSample() >= 0) {
        samples.push_back(static_cast<std::size_t>(currentSample()));
    }
    std::sort(samples.begin(), samples.end());
    return samples;
}

int LabelingPage::currentSample() const {
    const QModelIndex source = m_filter->mapToSource(m_grid->currentIndex());
    return source.isValid() && static_cast<std::size_t>(source.row()) < m_state->dataset().size()
               ? source.row()
               : -1;
}

bool LabelingPage::selectSample(std::size_t sample) {
    const QModelIndex index = m_filter->mapFromSource(m_model->index(static_cast<int>(sample)));
    if (!index.isValid()) {
        return false;
    }
    m_grid->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_grid->scrollTo(index);
    return true;
}

int LabelingPage::rowAfterCurrent() const {
    return m_grid->currentIndex().isValid() ? m_grid->currentIndex().row() + 1 : 0;
}

int LabelingPage::nextUnlabeled(const std::vector<std::size_t>& skip, int fromRow) const {
    const std::unordered_set<std::size_t> skipped(skip.begin(), skip.end());
    const int rows = m_filter->rowCount();
    const int start = fromRow;
    for (int step = 0; step < rows; ++step) {
        // After the current image first, then from the top: nothing unlabeled is left behind.
        const int row = (start + step) % rows;
        const int sample = m_filter->mapToSource(m_filter->index(row, 0)).row();
        const data::Sample& s = m_model->sample(sample);
        if (s.label == data::kUnlabeled && !s.excluded &&
            !skipped.contains(static_cast<std::size_t>(sample))) {
            return sample;
        }
    }
    return -1;
}

bool LabelingPage::autoAdvance() const {
    return m_autoAdvance->isChecked();
}

void LabelingPage::labelSelection(int classIndex) {
    if (!checkEditable()) {
        return;
    }
    if (classIndex < 0 ||
        static_cast<std::size_t>(classIndex) >= m_state->dataset().classes().size()) {
        return;
    }
    const std::vector<std::size_t> samples = selectedSamples();
    if (samples.empty()) {
        Q_EMIT statusMessage(tr("Select the images to label first."));
        return;
    }
    // Chosen before the edit: in the "Unlabeled" view the labelled rows leave at once.
    const int next = autoAdvance() ? nextUnlabeled(samples, rowAfterCurrent()) : -1;
    m_undo->push(new LabelCommand(m_state, samples, classIndex));
    if (next >= 0) {
        selectSample(static_cast<std::size_t>(next));
    } else if (autoAdvance()) {
        Q_EMIT statusMessage(tr("Every image has a label."));
    }
}

void LabelingPage::labelSamples(const std::vector<std::size_t>& samples, int classIndex) {
    if (!checkEditable()) {
        return;
    }
    std::vector<std::size_t> valid;
    for (const std::size_t sample : samples) {
        if (sample < m_state->dataset().size()) {
            valid.push_back(sample);
        }
    }
    if (!valid.empty() && classIndex >= 0 &&
        static_cast<std::size_t>(classIndex) < m_state->dataset().classes().size()) {
        m_undo->push(new LabelCommand(m_state, std::move(valid), classIndex));
    }
}

void LabelingPage::toggleExcluded() {
    if (!checkEditable()) {
        return;
    }
    const std::vector<std::size_t> samples = selectedSamples();
    if (samples.empty()) {
        return;
    }
    const bool exclude = std::any_of(samples.begin(), samples.end(), [this](std::size_t s) {
        return !m_state->dataset().sample(s).excluded;
    });
    const int next = exclude && autoAdvance() ? nextUnlabeled(samples, rowAfterCurrent()) : -1;
    m_undo->push(new ExcludeCommand(m_state, samples, exclude));
    if (next >= 0) {
        selectSample(static_cast<std::size_t>(next));
    }
}

void LabelingPage::clearLabel() {
    if (!checkEditable()) {
        return;
    }
    const std::vector<std::size_t> samples = selectedSamples();
    if (!samples.empty()) {
        m_undo->push(new LabelCommand(m_state, samples, data::kUnlabeled));
    }
}

void LabelingPage::skip() {
    const int current = currentSample();
    if (autoAdvance()) {
        std::vector<std::size_t> skipped;
        if (current >= 0) {
            skipped.push_back(static_cast<std::size_t>(current));
        }
        const int next = nextUnlabeled(skipped, rowAfterCurrent());
        if (next >= 0) {
            selectSample(static_cast<std::size_t>(next));
        }
        return;
    }
    const int row = m_grid->currentIndex().row() + 1;
    if (row < m_filter->rowCount()) {
        const QModelIndex index = m_filter->index(row, 0);
        m_grid->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        m_grid->scrollTo(index);
    }
}

bool LabelingPage::handleKey(const QKeyEvent* event) {
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
        return false; // Ctrl+A, Ctrl+Z and the window's shortcuts pass through
    }
    switch (event->key()) {
    case Qt::Key_Space:
        skip();
        return true;
    case Qt::Key_Backspace:
    case Qt::Key_0:
        clearLabel();
        return true;
    case Qt::Key_X:
        toggleExcluded();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        acceptSuggestions();
        return true;
    case Qt::Key_Delete:
        rejectSuggestions();
        return true;
    default:
        break;
    }
    const QString text = event->text();
    if (text.size() != 1) {
        return false;
    }
    const int classIndex = ClassPanel::classOfHotkey(text.front());
    if (classIndex < 0 ||
        static_cast<std::size_t>(classIndex) >= m_state->dataset().classes().size()) {
        return false;
    }
    labelSelection(classIndex);
    return true;
}

bool LabelingPage::eventFilter(QObject* watched, QEvent* event) {
    // The grid would take letters for its type-ahead search and Space for selection.
    if (watched == m_grid && event->type() == QEvent::KeyPress &&
        handleKey(static_cast<QKeyEvent*>(event))) {
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void LabelingPage::keyPressEvent(QKeyEvent* event) {
    if (handleKey(event)) {
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void LabelingPage::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && !isOwnDrag(event->mimeData())) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void LabelingPage::dragMoveEvent(QDragMoveEvent* event) {
    if (event->mimeData()->hasUrls() && !isOwnDrag(event->mimeData())) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void LabelingPage::dropEvent(QDropEvent* event) {
    // The grid's own thumbnails dropped back on it are already in the project.
    if (!event->mimeData()->hasUrls() || isOwnDrag(event->mimeData())) {
        event->ignore();
        return;
    }
    addImages(event->mimeData()->urls(), data::kUnlabeled);
    event->acceptProposedAction();
}

void LabelingPage::addImages(const QList<QUrl>& urls, int label) {
    if (!checkEditable()) {
        return;
    }
    // One job per drop: two drops in a row both get added.
    auto* job = new BackgroundJob(this);
    const auto done = [job] {
        job->deleteLater();
    };
    connect(job, &BackgroundJob::failed, this, done);
    connect(job, &BackgroundJob::cancelled, this, done);
    job->start([urls](JobControl&) -> Result<DroppedImages> { return collectDroppedImages(urls); },
               [this, job, label](DroppedImages dropped) {
                   job->deleteLater();
                   onImagesCollected(dropped, label);
               });
}

void LabelingPage::onImagesCollected(const DroppedImages& dropped, int label) {
    if (label != data::kUnlabeled &&
        (label < 0 || static_cast<std::size_t>(label) >= m_state->dataset().classes().size())) {
        label = data::kUnlabeled; // the class went away while the folder was scanned
    }
    std::vector<data::Sample> samples;
    std::size_t present = 0;
    for (const std::filesystem::path& file : dropped.files) {
        if (m_model->rowOfPath(QString::fromStdString(file.string())) >= 0) {
            ++present;
            continue;
        }
        data::Sample sample;
        sample.path = file;
        sample.label = label;
        samples.push_back(std::move(sample));
    }
    // A run may have started while the folder was scanned.
    const int added = m_state->isTraining() ? 0 : static_cast<int>(samples.size());
    if (added > 0) {
        m_undo->push(new AddImagesCommand(m_state, std::move(samples)));
    }
    QString message = tr("Added %n image(s).", nullptr, added);
    if (present > 0) {
        message += QLatin1Char(' ') +
                   tr("%n were in the project already.", nullptr, static_cast<int>(present));
    }
    if (!dropped.ignored.isEmpty()) {
        message += QLatin1Char(' ') +
                   tr("Not images: %1.").arg(dropped.ignored.join(QStringLiteral(", ")));
    }
    Q_EMIT statusMessage(message);
    Q_EMIT imagesAdded(added);
}

void LabelingPage::acceptSuggestions() {
    if (!checkEditable()) {
        return;
    }
    const std::vector<std::size_t> samples = selectedSamples();
    // One label command per suggested class, in one undo step.
    std::map<int, std::vector<std::size_t>> byLabel;
    for (const std::size_t sample : samples) {
        if (const inference::Suggestion* s = m_suggestions->suggestionFor(sample)) {
            byLabel[s->label].push_back(sample);
        }
    }
    if (byLabel.empty()) {
        Q_EMIT statusMessage(tr("No suggestion to accept here: label with a class key."));
        return;
    }
    const int next = autoAdvance() ? nextUnlabeled(samples, rowAfterCurrent()) : -1;
    std::size_t accepted = 0;
    for (const auto& [label, group] : byLabel) {
        accepted += group.size();
    }
    m_undo->beginMacro(accepted == 1 ? tr("Accept 1 Suggestion")
                                     : tr("Accept %1 Suggestions").arg(accepted));
    for (auto& [label, group] : byLabel) {
        m_undo->push(new LabelCommand(m_state, std::move(group), label));
    }
    m_undo->endMacro();
    if (next >= 0) {
        selectSample(static_cast<std::size_t>(next));
    }
}

void LabelingPage::rejectSuggestions() {
    const std::vector<std::size_t> samples = selectedSamples();
    const int next = autoAdvance() ? nextUnlabeled(samples, rowAfterCurrent()) : -1;
    m_suggestions->reject(samples);
    if (next >= 0) {
        selectSample(static_cast<std::size_t>(next));
    }
}

} // namespace tstudio::ui
