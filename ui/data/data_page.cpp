#include "ui/data/data_page.h"

#include <algorithm>
#include <cmath>

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/data/dataset.h"
#include "core/data/dataset_inspector.h"
#include "core/data/dataset_opener.h"
#include "core/data/demo_dataset.h"
#include "core/data/problem_text.h"
#include "core/data/stratified_split.h"
#include "core/models/registry.h"
#include "ui/common/background_job.h"
#include "ui/common/settings_keys.h"
#include "ui/data/augmentation_editor.h"
#include "ui/data/augmentation_preview.h"
#include "ui/data/message_banner.h"
#include "ui/models/class_count_model.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

namespace {

constexpr int kPreviewCount = 8;
constexpr int kExpandProblemsUpTo = 12; ///< larger file lists start collapsed

bool anyIn(const data::Dataset& dataset, data::Split split) {
    const auto counts = dataset.countPerClass(split);
    return std::any_of(counts.begin(), counts.end(), [](std::size_t n) { return n > 0; });
}

QString kindText(data::DatasetKind kind) {
    switch (kind) {
    case data::DatasetKind::ImageFolder:
        return DataPage::tr("Image folder (one folder per class)");
    case data::DatasetKind::UnlabeledFolder:
        return DataPage::tr("Unlabeled images");
    case data::DatasetKind::Csv:
        return DataPage::tr("CSV list");
    case data::DatasetKind::Cifar10Binary:
        return DataPage::tr("CIFAR-10 binary batches");
    case data::DatasetKind::Idx:
        return DataPage::tr("IDX files (MNIST format)");
    case data::DatasetKind::Custom:
        break;
    }
    return DataPage::tr("Edited in the studio");
}

/** One image per class (a training image where there is one): what the preview offers. */
std::vector<data::Sample> previewSamples(const data::Dataset& dataset) {
    std::vector<data::Sample> picked;
    const std::size_t classes = dataset.classes().size();
    std::vector<int> best(classes, -1);
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        const data::Sample& sample = dataset.sample(i);
        if (sample.label < 0 || static_cast<std::size_t>(sample.label) >= classes) {
            continue;
        }
        int& chosen = best[static_cast<std::size_t>(sample.label)];
        if (chosen < 0 ||
            (sample.split == data::Split::Train &&
             dataset.sample(static_cast<std::size_t>(chosen)).split != data::Split::Train)) {
            chosen = static_cast<int>(i);
        }
    }
    for (int index : best) {
        if (index >= 0) {
            picked.push_back(dataset.sample(static_cast<std::size_t>(index)));
        }
    }
    for (std::size_t i = 0; picked.empty() && i < std::min<std::size_t>(dataset.size(), 8); ++i) {
        picked.push_back(dataset.sample(i)); // unlabeled pool: its first images
    }
    return picked;
}

} // namespace

DataPage::DataPage(ProjectState* project, QWidget* parent) : QWidget(parent), m_project(project) {
    m_path = new QLabel(tr("No dataset open"), this);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_progress->setMaximumWidth(260);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setVisible(false);
    auto* top = new QHBoxLayout;
    top->addWidget(m_path, 1);
    top->addWidget(m_progress);
    top->addWidget(m_cancel);

    m_banner = new MessageBanner(this);

    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(QStringLiteral("dataSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(createDatasetColumn());
    m_splitter->addWidget(createSettingsColumn());
    auto* previewBox = new QGroupBox(tr("Augmentation preview"), this);
    m_preview = new AugmentationPreview(previewBox);
    m_preview->setCount(kPreviewCount);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);
    m_splitter->addWidget(previewBox);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(2, 0);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);

    connectJobs();
    connect(m_cancel, &QPushButton::clicked, this, &DataPage::cancel);
    connect(m_project, &ProjectState::datasetChanged, this, &DataPage::onDatasetChanged);
    connect(m_project, &ProjectState::configChanged, this, &DataPage::onConfigChanged);
    connect(m_project, &ProjectState::trainingChanged, this, [this](bool training) {
        updateSplitBox();
        m_augmentation->setEnabled(!training);
    });
    connect(m_augmentation, &AugmentationEditor::changed, this, &DataPage::onAugmentationEdited);

    onConfigChanged();
    onDatasetChanged();
}

DataPage::~DataPage() = default; // the jobs cancel their work as they go, without waiting

void DataPage::connectJobs() {
    m_scan = new BackgroundJob(this);
    connect(m_scan, &BackgroundJob::progress, this, [this](qint64 found) {
        m_progress->setFormat(tr("Scanning… %1 files").arg(QLocale().toString(found)));
    });
    connect(m_scan, &BackgroundJob::failed, this, [this](const QString& message) {
        setBusy(false);
        showError(
            tr("Could not open %1: %2").arg(QDir::toNativeSeparators(m_openingPath), message));
    });
    connect(m_scan, &BackgroundJob::cancelled, this, [this] {
        setBusy(false);
        Q_EMIT statusMessage(tr("Opening cancelled"));
    });

    m_demo = new BackgroundJob(this);
    connect(m_demo, &BackgroundJob::failed, this, [this](const QString& message) {
        setBusy(false);
        showError(tr("Could not create the demo project: %1").arg(message));
    });
    connect(m_demo, &BackgroundJob::cancelled, this, [this] {
        setBusy(false);
        Q_EMIT statusMessage(tr("Demo project cancelled"));
    });

    m_inspect = new BackgroundJob(this);
    connect(m_inspect, &BackgroundJob::progress, this, [this](qint64 read, qint64 total) {
        m_problemStatus->setText(tr("Checking files… %1 of %2")
                                     .arg(QLocale().toString(read), QLocale().toString(total)));
    });
    connect(m_inspect, &BackgroundJob::failed, this, [this](const QString& message) {
        m_stopCheck->hide();
        const QString text = tr("Could not check the dataset's files: %1").arg(message);
        m_problemStatus->setText(text);
        showError(text);
    });
    connect(m_inspect, &BackgroundJob::cancelled, this, [this] {
        m_stopCheck->hide();
        m_problemStatus->setText(tr("File check stopped."));
    });
}

QWidget* DataPage::createDatasetColumn() {
    auto* column = new QWidget(this);

    auto* summaryBox = new QGroupBox(tr("Dataset"), column);
    m_summary = new QFormLayout(summaryBox);
    m_kind = new QLabel(summaryBox);
    m_images = new QLabel(summaryBox);
    m_classes = new QLabel(summaryBox);
    m_classes->setWordWrap(true);
    m_sizes = new QLabel(summaryBox);
    m_sizes->setWordWrap(true);
    m_summary->addRow(tr("Kind:"), m_kind);
    m_summary->addRow(tr("Images:"), m_images);
    m_summary->addRow(tr("Classes:"), m_classes);
    m_summary->addRow(tr("Sizes:"), m_sizes);

    auto* countBox = new QGroupBox(tr("Images per class"), column);
    m_counts = new ClassCountModel(this);
    m_countView = new QTableView(countBox);
    m_countView->setObjectName(QStringLiteral("classCountView"));
    m_countView->setModel(m_counts);
    m_countView->verticalHeader()->hide();
    m_countView->setAlternatingRowColors(true);
    m_countView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_countView->horizontalHeader()->setSectionResizeMode(ClassCountModel::Class,
                                                          QHeaderView::Stretch);
    m_countView->horizontalHeader()->setDefaultSectionSize(64);
    auto* countLayout = new QVBoxLayout(countBox);
    countLayout->addWidget(m_countView);

    auto* problemBox = new QGroupBox(tr("Problems"), column);
    m_problemStatus = new QLabel(problemBox);
    m_problemStatus->setWordWrap(true);
    m_problems = new QTreeWidget(problemBox);
    m_problems->setObjectName(QStringLiteral("problemList"));
    m_problems->setColumnCount(2);
    m_problems->setHeaderLabels({tr("Problem / file"), tr("Files")});
    m_problems->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_problems->header()->setStretchLastSection(false);
    m_problems->setAlternatingRowColors(true);
    m_problems->setWordWrap(true);
    m_stopCheck = new QPushButton(tr("Stop check"), problemBox);
    m_stopCheck->setToolTip(tr("Stop reading the files; the counts above stay valid"));
    m_stopCheck->setVisible(false);
    connect(m_stopCheck, &QPushButton::clicked, this, [this] { m_inspect->cancel(); });
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_problemStatus, 1);
    statusRow->addWidget(m_stopCheck);
    auto* problemLayout = new QVBoxLayout(problemBox);
    problemLayout->addLayout(statusRow);
    problemLayout->addWidget(m_problems);

    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(summaryBox);
    layout->addWidget(countBox, 1);
    layout->addWidget(problemBox, 1);
    return column;
}

QGroupBox* DataPage::createSplitBox() {
    m_splitBox = new QGroupBox(tr("Split"), this);
    m_splitNote = new QLabel(m_splitBox);
    m_splitNote->setWordWrap(true);
    const auto percent = [this](int value) {
        auto* box = new QSpinBox(m_splitBox);
        box->setRange(0, 100);
        box->setSingleStep(5);
        box->setSuffix(tr(" %"));
        box->setValue(value);
        connect(box, &QSpinBox::valueChanged, this, &DataPage::updateSplitBox);
        return box;
    };
    m_trainPercent = percent(80);
    m_valPercent = percent(20);
    m_testPercent = percent(0);
    m_splitSeed = new QSpinBox(m_splitBox);
    m_splitSeed->setRange(0, 999999);
    m_splitSeed->setToolTip(tr("The same seed gives the same split on every machine"));
    m_applySplit = new QPushButton(tr("Apply split"), m_splitBox);
    m_applySplit->setToolTip(tr("Assign every labelled image to train, val or test, class by "
                                "class, keeping the class proportions"));
    connect(m_applySplit, &QPushButton::clicked, this, &DataPage::applySplit);

    auto* form = new QFormLayout;
    form->addRow(tr("Train:"), m_trainPercent);
    form->addRow(tr("Validation:"), m_valPercent);
    form->addRow(tr("Test:"), m_testPercent);
    form->addRow(tr("Seed:"), m_splitSeed);
    auto* layout = new QVBoxLayout(m_splitBox);
    layout->addWidget(m_splitNote);
    layout->addLayout(form);
    layout->addWidget(m_applySplit, 0, Qt::AlignRight);
    return m_splitBox;
}

QWidget* DataPage::createSettingsColumn() {
    auto* content = new QWidget;
    auto* augmentationBox = new QGroupBox(tr("Augmentation"), content);
    m_augmentation = new AugmentationEditor(augmentationBox);
    auto* augmentationLayout = new QVBoxLayout(augmentationBox);
    augmentationLayout->addWidget(m_augmentation);
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(createSplitBox());
    layout->addWidget(augmentationBox);
    layout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(content->sizeHint().width() + 24);
    return scroll;
}

bool DataPage::isBusy() const {
    return m_scan->isRunning() || m_demo->isRunning();
}

void DataPage::setBusy(bool busy, const QString& what) {
    if (!busy && isBusy()) {
        return; // the other of scan and demo still runs
    }
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_cancel->setEnabled(busy);
    if (busy) {
        m_progress->setRange(0, 0);
        m_progress->setFormat(what);
        m_progress->setTextVisible(true);
        Q_EMIT statusMessage(what);
    }
    Q_EMIT busyChanged(busy);
}

void DataPage::showError(const QString& message) {
    m_banner->showMessage(message, MessageBanner::Level::Error);
    Q_EMIT statusMessage(message);
    Q_EMIT failed(message);
}

void DataPage::chooseFolder() {
    const QString start = m_project->dataset().root().empty()
                              ? QDir::homePath()
                              : QString::fromStdString(m_project->dataset().root().string());
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open dataset folder"), start);
    if (!dir.isEmpty()) {
        openPath(dir);
    }
}

void DataPage::chooseFile() {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open dataset file"), QDir::homePath(),
        tr("Datasets (*.csv *.json *.bin *-ubyte *.idx* *ubyte.gz);;All files (*)"));
    if (!file.isEmpty()) {
        openPath(file);
    }
}

void DataPage::openPath(const QString& path) {
    if (m_project->isTraining()) {
        showError(tr("A training run is using the dataset: stop it before opening another."));
        return;
    }
    m_banner->hide();
    m_openingPath = path;
    setBusy(true, tr("Scanning %1…").arg(QFileInfo(path).fileName()));
    // A scan already going is cancelled by the new start and heard from no more.
    m_scan->start(
        [root = QDir::cleanPath(path).toStdString()](const JobControl& control) {
            data::ScanControl scan;
            scan.cancel = control.cancelFlag();
            scan.progress = [&control](std::int64_t found) {
                control.reportProgress(found);
            };
            return data::openDataset(root, scan);
        },
        [this](const data::Dataset& dataset) { onScanFinished(dataset); });
}

void DataPage::onScanFinished(const data::Dataset& dataset) {
    setBusy(false);
    if (dataset.size() == 0) {
        showError(tr("%1 holds no images: choose a folder with one subfolder of images per "
                     "class, or a CSV, CIFAR-10 or IDX file.")
                      .arg(QDir::toNativeSeparators(m_openingPath)));
        return;
    }
    // A split without training images (MNIST's t10k files) cannot be trained on: the page splits
    // it anew, as `tstudio data split` does.
    m_sourceHasSplit = dataset.hasSplit() && anyIn(dataset, data::Split::Train);
    m_report = {};
    m_project->setDataset(dataset);
    Q_EMIT statusMessage(tr("Opened %1: %2 images")
                             .arg(QDir::toNativeSeparators(m_openingPath))
                             .arg(QLocale().toString(static_cast<qint64>(dataset.size()))));
    Q_EMIT datasetOpened(m_openingPath);
}

void DataPage::startCheck() {
    data::InspectOptions options;
    const training::TrainingConfig& config = m_project->config();
    const models::BackboneInfo* info = models::findBackbone(config.arch);
    options.inputSize = config.inputSize > 0 ? config.inputSize
                        : info != nullptr    ? info->defaultInputSize
                                             : 224;
    m_problems->clear();
    m_problemStatus->setText(tr("Checking files…"));
    m_stopCheck->setVisible(true);
    // A check already going is of the dataset as it was: the new start cancels and drops it.
    m_inspect->start(
        [dataset = m_project->dataset(), options](const JobControl& control) {
            const auto total = static_cast<qint64>(dataset.size());
            data::ScanControl scan;
            scan.cancel = control.cancelFlag();
            scan.progress = [&control, total](std::int64_t read) {
                control.reportProgress(read, total);
            };
            return data::inspectDataset(dataset, options, scan);
        },
        [this](const data::DatasetReport& report) { showReport(report); });
}

void DataPage::createDemoProject(const QString& dir) {
    if (isBusy()) {
        cancel();
    }
    m_banner->hide();
    setBusy(true, tr("Drawing the demo dataset…"));
    // Drawing cannot stop half-way (it writes a temporary folder and swaps it in): a cancel
    // lets it finish and then does not open it.
    m_demo->start([target = dir.toStdString()](
                      const JobControl&) { return data::generateDemoDataset(target); },
                  [this, dir](const std::filesystem::path&) {
                      setBusy(false);
                      openPath(dir);
                  });
}

void DataPage::cancel() {
    m_scan->cancel();
    m_demo->cancel();
    m_inspect->cancel();
}

void DataPage::applySplit() {
    if (m_sourceHasSplit || m_project->isTraining()) {
        return;
    }
    data::SplitFractions fractions;
    fractions.train = m_trainPercent->value() / 100.0;
    fractions.val = m_valPercent->value() / 100.0;
    fractions.test = m_testPercent->value() / 100.0;
    data::Dataset dataset = m_project->dataset();
    // A new split replaces the one applied before: the source had none of its own.
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        dataset.setSplit(i, data::Split::None);
    }
    const Status split = data::applyStratifiedSplit(
        dataset, fractions, static_cast<std::uint64_t>(m_splitSeed->value()));
    if (!split) {
        showError(
            tr("Could not split the dataset: %1").arg(QString::fromStdString(split.message())));
        return;
    }
    training::TrainingConfig config = m_project->config();
    config.split = fractions;
    m_project->setConfig(std::move(config));
    m_project->setDataset(std::move(dataset)); // checked again: duplicates across splits
    Q_EMIT statusMessage(tr("Split applied: %1 train, %2 validation, %3 test images")
                             .arg(m_counts->splitTotal(data::Split::Train))
                             .arg(m_counts->splitTotal(data::Split::Val))
                             .arg(m_counts->splitTotal(data::Split::Test)));
}

void DataPage::onDatasetChanged() {
    const data::Dataset& dataset = m_project->dataset();
    m_counts->setDataset(dataset);
    m_countView->setColumnHidden(ClassCountModel::Test,
                                 m_counts->splitTotal(data::Split::Test) == 0);
    m_countView->setColumnHidden(ClassCountModel::NoSplit,
                                 m_counts->splitTotal(data::Split::None) == 0);
    m_preview->setSamples(previewSamples(dataset));
    updateSummary();
    updateSplitBox();
    // Every dataset the project gets is checked — opened here, split, or in a project file —
    // so the Label step can filter by problem whatever brought the images.
    if (dataset.size() > 0) {
        startCheck();
    }
}

void DataPage::onConfigChanged() {
    const training::TrainingConfig& config = m_project->config();
    m_augmentation->setConfig(config.augmentation);
    m_augmentation->setAugmentEnabled(config.augment);
    data::AugmentationConfig preview = config.augmentation;
    // The engine crops to the model's input size; the preview shows what the model will see.
    const models::BackboneInfo* info = models::findBackbone(config.arch);
    preview.crop.size = config.inputSize > 0 ? config.inputSize
                        : info != nullptr    ? info->defaultInputSize
                                             : preview.crop.size;
    if (info != nullptr) {
        // Training augments from its own decode of each image, not the full-size one.
        m_preview->setTrainingSource(imaging::EvalTransform::forBackbone(*info, config.inputSize),
                                     config.augment);
    }
    if (!config.augment) {
        preview = {};
        preview.crop.enabled = false;
        preview.horizontalFlip = 0.0f;
    }
    m_preview->setConfig(preview);
}

void DataPage::onAugmentationEdited() {
    training::TrainingConfig config = m_project->config();
    config.augmentation = m_augmentation->config();
    config.augment = m_augmentation->augmentEnabled();
    m_project->setConfig(std::move(config));
}

void DataPage::updateSummary() {
    const data::Dataset& dataset = m_project->dataset();
    const QLocale locale;
    if (dataset.size() == 0) {
        m_path->setText(tr("No dataset open: open a folder or a file, or create the demo "
                           "project (File menu)"));
        m_kind->clear();
        m_images->clear();
        m_classes->clear();
        m_sizes->clear();
        m_problemStatus->clear();
        return;
    }
    const QString root = QDir::toNativeSeparators(QString::fromStdString(dataset.root().string()));
    m_path->setText(root);
    m_path->setToolTip(root);
    m_kind->setText(kindText(dataset.kind()));
    QString images = locale.toString(static_cast<qint64>(dataset.size()));
    if (dataset.unlabeledCount() > 0) {
        images += tr(" (%1 unlabeled)")
                      .arg(locale.toString(static_cast<qint64>(dataset.unlabeledCount())));
    }
    m_images->setText(images);
    QStringList names;
    for (const std::string& name : dataset.classes()) {
        names << QString::fromStdString(name);
    }
    m_classes->setText(
        QStringLiteral("%1 — %2").arg(names.size()).arg(names.join(QStringLiteral(", "))));
    if (m_report.sizes.measured == 0) {
        m_sizes->setText(tr("being measured…"));
    }
}

void DataPage::showReport(const data::DatasetReport& report) {
    m_stopCheck->hide();
    m_report = report;
    m_project->setReport(report); // the Label step filters and marks images by its problems
    const QLocale locale;
    const data::SizeStats& sizes = report.sizes;
    if (sizes.measured > 0) {
        m_sizes->setText(tr("%1×%2 to %3×%4 pixels, mean %5×%6")
                             .arg(sizes.minWidth)
                             .arg(sizes.minHeight)
                             .arg(sizes.maxWidth)
                             .arg(sizes.maxHeight)
                             .arg(sizes.meanWidth, 0, 'f', 0)
                             .arg(sizes.meanHeight, 0, 'f', 0));
    } else {
        m_sizes->setText(tr("unknown"));
    }

    m_problems->clear();
    for (const data::DatasetProblem& problem : report.problems) {
        auto* item = new QTreeWidgetItem(m_problems);
        const QString message = data::translatedMessage(problem);
        item->setText(0, message);
        item->setToolTip(0, message);
        item->setIcon(0, style()->standardIcon(data::isUnusable(problem.kind)
                                                   ? QStyle::SP_MessageBoxCritical
                                                   : QStyle::SP_MessageBoxWarning));
        item->setText(1, locale.toString(static_cast<qint64>(problem.items.size())));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, Qt::UserRole, QString::fromStdString(data::problemKindName(problem.kind)));
        for (const std::string& file : problem.items) {
            auto* child = new QTreeWidgetItem(item);
            const QString path = QDir::toNativeSeparators(QString::fromStdString(file));
            child->setText(0, path);
            child->setToolTip(0, path);
        }
        item->setExpanded(problem.items.size() <= kExpandProblemsUpTo);
    }
    const int count = static_cast<int>(report.problems.size());
    m_problemStatus->setText(
        count == 0 ? tr("No problems found: every file is a readable image.")
                   : tr("Problems found: %1. Hover over one for its whole message, expand it "
                        "for its files.")
                         .arg(count));
    Q_EMIT reportReady(count);
}

void DataPage::updateSplitBox() {
    const data::Dataset& dataset = m_project->dataset();
    const int sum = m_trainPercent->value() + m_valPercent->value() + m_testPercent->value();
    const bool editable = dataset.size() > 0 && !m_sourceHasSplit && !m_project->isTraining();
    for (QWidget* field :
         {static_cast<QWidget*>(m_trainPercent), static_cast<QWidget*>(m_valPercent),
          static_cast<QWidget*>(m_testPercent), static_cast<QWidget*>(m_splitSeed)}) {
        field->setEnabled(editable);
    }
    m_applySplit->setEnabled(editable && sum == 100 && m_trainPercent->value() > 0);
    if (dataset.size() == 0) {
        m_splitNote->setText(tr("Open a dataset to split it."));
    } else if (m_sourceHasSplit && !anyIn(dataset, data::Split::Val)) {
        // The engine's completeSplit, said before training does it.
        m_splitNote->setText(
            tr("This dataset comes with its own split but no validation part: training holds out "
               "%1 % of each class's training images for validation.")
                .arg(std::lround(m_project->config().split.val * 100)));
    } else if (m_sourceHasSplit) {
        m_splitNote->setText(tr("This dataset comes with its own split (train/val/test folders or "
                                "column): it is used as it is."));
    } else if (dataset.hasSplit() && !anyIn(dataset, data::Split::Train)) {
        m_splitNote->setText(tr("This dataset's own split has no training images: apply a split "
                                "to train on them."));
    } else if (sum != 100) {
        m_splitNote->setText(tr("The three parts add up to %1 %: make them 100 %.").arg(sum));
    } else if (!dataset.hasSplit()) {
        m_splitNote->setText(tr("The dataset has no split yet: apply one before training, or "
                                "training splits it with these fractions."));
    } else {
        m_splitNote->setText(tr("Split applied. Applying again replaces it."));
    }
}

void DataPage::saveState(const QString& group) const {
    QSettings settings;
    settings.setValue(settings_keys::dataPageSplitter(group), m_splitter->saveState());
}

void DataPage::restoreState(const QString& group) {
    const QSettings settings;
    m_splitter->restoreState(settings.value(settings_keys::dataPageSplitter(group)).toByteArray());
}

} // namespace tstudio::ui
