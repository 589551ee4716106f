<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AugmentationEditor</name>
    <message>
        <location filename="../ui/data/augmentation_editor.cpp" line="+37"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often this augmentation is applied to a training image</source>
        <translation>Wie oft diese Augmentierung auf ein Trainingsbild angewendet wird</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Augment training images</source>
        <translation>Trainingsbilder augmentieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random changes to every training image, so the model learns what stays the same</source>
        <translation>Zufällige Änderungen an jedem Trainingsbild, damit das Modell lernt, was gleich bleibt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random resized crop</source>
        <translation>Zufälliger skalierter Ausschnitt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Smallest share of the image area a crop keeps</source>
        <translation>Kleinster Anteil der Bildfläche, den ein Ausschnitt behält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest share of the image area a crop keeps</source>
        <translation>Größter Anteil der Bildfläche, den ein Ausschnitt behält</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale from</source>
        <translation>Anteil von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale to</source>
        <translation>Anteil bis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flips and rotation</source>
        <translation>Spiegeln und Drehen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest angle, either way</source>
        <translation>Größter Winkel, in beide Richtungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Horizontal flip</source>
        <translation>Horizontal spiegeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertical flip</source>
        <translation>Vertikal spiegeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotation</source>
        <translation>Drehung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to</source>
        <translation>Bis zu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Colour jitter</source>
        <translation>Farbvariation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brightness ±</source>
        <translation>Helligkeit ±</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast ±</source>
        <translation>Kontrast ±</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturation ±</source>
        <translation>Sättigung ±</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hue ±</source>
        <translation>Farbton ±</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grayscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blur and erasing</source>
        <translation>Weichzeichnen und Löschen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of the Gaussian kernel (odd)</source>
        <translation>Größe des Gauß-Kerns (ungerade)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Largest blur strength (sigma)</source>
        <translation>Größte Weichzeichnungsstärke (Sigma)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Largest share of the image a rectangle erases</source>
        <translation>Größter Bildanteil, den ein Rechteck löscht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blur</source>
        <translation>Weichzeichnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel</source>
        <translation>Kern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigma up to</source>
        <translation>Sigma bis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erasing</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area up to</source>
        <translation>Fläche bis</translation>
    </message>
</context>
<context>
    <name>AugmentationPreview</name>
    <message>
        <location filename="../ui/data/augmentation_preview.cpp" line="+50"/>
        <source>Previous sample image</source>
        <translation>Vorheriges Beispielbild</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next sample image</source>
        <translation>Nächstes Beispielbild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shuffle</source>
        <translation>Neu würfeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a new random set of augmentations</source>
        <translation>Einen neuen zufälligen Satz Augmentierungen ziehen</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>No image to preview yet</source>
        <translation>Noch kein Bild für die Vorschau</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, record %2</source>
        <translation>%1, Datensatz %2</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Cannot preview this image: %1</source>
        <translation>Vorschau dieses Bildes nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>BackbonePicker</name>
    <message>
        <location filename="../ui/model/backbone_picker.cpp" line="+66"/>
        <source>Official ImageNet weights</source>
        <translation>Offizielle ImageNet-Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local file</source>
        <translation>Lokale Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From scratch (random initialisation)</source>
        <translation>Von Grund auf (zufällige Initialisierung)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download the official torchvision file into the torch hub cache</source>
        <translation>Die offizielle torchvision-Datei in den Torch-Hub-Cache herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A .pth or .safetensors file</source>
        <translation>Eine .pth- oder .safetensors-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Weights saved to %1</source>
        <translation>Gewichte gespeichert unter %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Download failed: %1</source>
        <translation>Herunterladen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Download cancelled</source>
        <translation>Herunterladen abgebrochen</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Weights for %1</source>
        <translation>Gewichte für %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight files (*.pth *.pt *.safetensors);;All files (*)</source>
        <translation>Gewichtsdateien (*.pth *.pt *.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloading %1…</source>
        <translation>Lade %1 herunter…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>in the cache</source>
        <translation>im Cache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not downloaded yet</source>
        <translation>noch nicht heruntergeladen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>downloading…</source>
        <translation>wird heruntergeladen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no official file</source>
        <translation>keine offizielle Datei</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Training starts from random weights: expect to need far more data and epochs than with ImageNet weights.</source>
        <translation>Das Training beginnt mit zufälligen Gewichten: Rechnen Sie mit weit mehr Daten und Epochen als mit ImageNet-Gewichten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+12"/>
        <source>Starting weights: %1</source>
        <translation>Startgewichte: %1</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The weights file %1 does not exist: choose another file, or use the official weights.</source>
        <translation>Die Gewichtsdatei %1 existiert nicht: Wählen Sie eine andere Datei oder verwenden Sie die offiziellen Gewichte.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Downloading the official weights…</source>
        <translation>Die offiziellen Gewichte werden heruntergeladen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The official weights (%1) are not in the cache: download them, or choose a local file.</source>
        <translation>Die offiziellen Gewichte (%1) sind nicht im Cache: Laden Sie sie herunter oder wählen Sie eine lokale Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No weights for this backbone: choose a local file or train from scratch.</source>
        <translation>Keine Gewichte für dieses Backbone: Wählen Sie eine lokale Datei oder trainieren Sie von Grund auf.</translation>
    </message>
</context>
<context>
    <name>BackboneTableModel</name>
    <message>
        <location filename="../ui/models/backbone_table_model.cpp" line="+59"/>
        <source>Not in the cache; can be downloaded from %1</source>
        <translation>Nicht im Cache; kann von %1 heruntergeladen werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not in the cache and no official source: choose a local file %1</source>
        <translation>Nicht im Cache und ohne offizielle Quelle: Wählen Sie eine lokale Datei %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>in cache</source>
        <translation>im Cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>downloadable</source>
        <translation>herunterladbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>downloading…</source>
        <translation>wird heruntergeladen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>downloading %1 %</source>
        <translation>lade herunter %1 %</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ImageNet top-1</source>
        <translation>ImageNet Top-1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <location filename="../ui/common/background_job.cpp" line="+93"/>
        <source>An unexpected error stopped the work.</source>
        <translation>Ein unerwarteter Fehler hat die Arbeit abgebrochen.</translation>
    </message>
</context>
<context>
    <name>BlasLabel</name>
    <message>
        <location filename="../ui/common/blas_label.cpp" line="+10"/>
        <source>BLAS: %1</source>
        <translation>BLAS: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No BLAS library found in this process</source>
        <translation>In diesem Prozess wurde keine BLAS-Bibliothek gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LibTorch&apos;s matrix products run in %1</source>
        <translation>Die Matrixprodukte von LibTorch laufen in %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ BLAS: reference, slow · install libopenblas0-openmp</source>
        <translation>⚠ BLAS: Referenz, langsam · libopenblas0-openmp installieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LibTorch calls the unoptimised reference BLAS (%1): training and Linear layers will be very slow. Install OpenBLAS and restart Transfer Studio:
sudo apt install libopenblas0-openmp</source>
        <translation>LibTorch ruft die nicht optimierte Referenz-BLAS auf (%1): Training und Linear-Schichten werden sehr langsam sein. Installieren Sie OpenBLAS und starten Sie Transfer Studio neu:
sudo apt install libopenblas0-openmp</translation>
    </message>
</context>
<context>
    <name>ClassCountModel</name>
    <message>
        <location filename="../ui/models/class_count_model.cpp" line="+99"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Val</source>
        <translation>Val</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No split</source>
        <translation>Ohne Aufteilung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>ClassifyPage</name>
    <message>
        <location filename="../ui/classify/classify_page.cpp" line="+78"/>
        <source>No weights file: download the official one or choose a file</source>
        <translation>Keine Gewichtsdatei: offizielle herunterladen oder eine Datei wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose weights…</source>
        <translation>Gewichte wählen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a local .pth or .safetensors file for this backbone</source>
        <translation>Eine lokale .pth- oder .safetensors-Datei für dieses Backbone verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download the official torchvision weights into the torch hub cache</source>
        <translation>Die offiziellen torchvision-Gewichte in den Torch-Hub-Cache herunterladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights:</source>
        <translation>Gewichte:</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Image / class</source>
        <translation>Bild / Klasse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Classify images…</source>
        <translation>Bilder klassifizieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Weights saved to %1</source>
        <translation>Gewichte gespeichert unter %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Download cancelled</source>
        <translation>Herunterladen abgebrochen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Classified %1 image(s)</source>
        <translation>%1 Bild(er) klassifiziert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classification cancelled</source>
        <translation>Klassifizierung abgebrochen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Pick a backbone on the left.</source>
        <translation>Links ein Backbone wählen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1&lt;/b&gt; has no weights yet. Download the official ImageNet weights or choose a weights file (.pth or .safetensors) to name the ImageNet classes of your photos.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; hat noch keine Gewichte. Laden Sie die offiziellen ImageNet-Gewichte herunter oder wählen Sie eine Gewichtsdatei (.pth oder .safetensors), um die ImageNet-Klassen Ihrer Fotos zu benennen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drop photos or folders here: &lt;b&gt;%1&lt;/b&gt; names what they show (top %2 of the 1000 ImageNet classes).</source>
        <translation>Fotos oder Ordner hier ablegen: &lt;b&gt;%1&lt;/b&gt; benennt, was sie zeigen (die besten %2 der 1000 ImageNet-Klassen).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose weights for %1</source>
        <translation>Gewichte für %1 wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight files (*.pth *.pt *.safetensors);;All files (*)</source>
        <translation>Gewichtsdateien (*.pth *.pt *.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Images to classify</source>
        <translation>Zu klassifizierende Bilder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Still classifying: wait or cancel first</source>
        <translation>Klassifizierung läuft noch: warten oder zuerst abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a backbone and its weights first</source>
        <translation>Zuerst ein Backbone und seine Gewichte wählen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloading %1…</source>
        <translation>Lade %1 herunter…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
</context>
<context>
    <name>ClassifyWorker</name>
    <message>
        <location filename="../ui/classify/classify_worker.cpp" line="+86"/>
        <source>Classification stopped: %1</source>
        <translation>Klassifizierung angehalten: %1</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../ui/data/data_page.cpp" line="+55"/>
        <source>Image folder (one folder per class)</source>
        <translation>Bildordner (ein Ordner pro Klasse)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlabeled images</source>
        <translation>Unbeschriftete Bilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV list</source>
        <translation>CSV-Liste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CIFAR-10 binary batches</source>
        <translation>CIFAR-10-Binärdateien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IDX files (MNIST format)</source>
        <translation>IDX-Dateien (MNIST-Format)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edited in the studio</source>
        <translation>Im Studio bearbeitet</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No dataset open</source>
        <translation>Kein Datensatz geöffnet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Augmentation preview</source>
        <translation>Augmentierungsvorschau</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Checking files… %1 of %2</source>
        <translation>Prüfe Dateien… %1 von %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>File check stopped.</source>
        <translation>Dateiprüfung angehalten.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Could not create the demo project: %1</source>
        <translation>Das Demoprojekt konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo project cancelled</source>
        <translation>Demo-Projekt abgebrochen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not check the dataset&apos;s files: %1</source>
        <translation>Die Dateien des Datensatzes konnten nicht geprüft werden: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images:</source>
        <translation>Bilder:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes:</source>
        <translation>Klassen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sizes:</source>
        <translation>Größen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images per class</source>
        <translation>Bilder pro Klasse</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problem / file</source>
        <translation>Problem / Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop check</source>
        <translation>Prüfung anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop reading the files; the counts above stay valid</source>
        <translation>Das Lesen der Dateien anhalten; die Zählungen oben bleiben gültig</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The same seed gives the same split on every machine</source>
        <translation>Derselbe Startwert ergibt auf jedem Rechner dieselbe Aufteilung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply split</source>
        <translation>Aufteilung anwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign every labelled image to train, val or test, class by class, keeping the class proportions</source>
        <translation>Jedes beschriftete Bild Klasse für Klasse Training, Validierung oder Test zuordnen, unter Wahrung der Klassenanteile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Train:</source>
        <translation>Training:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation:</source>
        <translation>Validierung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test:</source>
        <translation>Test:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Augmentation</source>
        <translation>Augmentierung</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Open dataset folder</source>
        <translation>Datensatzordner öffnen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open dataset file</source>
        <translation>Datensatzdatei öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datasets (*.csv *.json *.bin *-ubyte *.idx* *ubyte.gz);;All files (*)</source>
        <translation>Datensätze (*.csv *.json *.bin *-ubyte *.idx* *ubyte.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A training run is using the dataset: stop it before opening another.</source>
        <translation>Ein Trainingslauf verwendet den Datensatz: Beenden Sie ihn, bevor Sie einen anderen öffnen.</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Scanning… %1 files</source>
        <translation>Durchsuche… %1 Dateien</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening cancelled</source>
        <translation>Öffnen abgebrochen</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>Scanning %1…</source>
        <translation>Durchsuche %1…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 holds no images: choose a folder with one subfolder of images per class, or a CSV, CIFAR-10 or IDX file.</source>
        <translation>%1 enthält keine Bilder: Wählen Sie einen Ordner mit einem Unterordner voller Bilder pro Klasse oder eine CSV-, CIFAR-10- oder IDX-Datei.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Opened %1: %2 images</source>
        <translation>%1 geöffnet: %2 Bilder</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Checking files…</source>
        <translation>Prüfe Dateien…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Drawing the demo dataset…</source>
        <translation>Zeichne den Demo-Datensatz…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Could not split the dataset: %1</source>
        <translation>Der Datensatz konnte nicht aufgeteilt werden: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Split applied: %1 train, %2 validation, %3 test images</source>
        <translation>Aufteilung angewendet: %1 Trainings-, %2 Validierungs-, %3 Testbilder</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No dataset open: open a folder or a file, or create the demo project (File menu)</source>
        <translation>Kein Datensatz geöffnet: Öffnen Sie einen Ordner oder eine Datei oder erstellen Sie das Demoprojekt (Menü Datei)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> (%1 unlabeled)</source>
        <translation> (%1 unbeschriftet)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>being measured…</source>
        <translation>wird gemessen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1×%2 to %3×%4 pixels, mean %5×%6</source>
        <translation>%1×%2 bis %3×%4 Pixel, Mittel %5×%6</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No problems found: every file is a readable image.</source>
        <translation>Keine Probleme gefunden: Jede Datei ist ein lesbares Bild.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems found: %1. Hover over one for its whole message, expand it for its files.</source>
        <translation>Gefundene Probleme: %1. Zeigen Sie auf eines für die ganze Meldung, klappen Sie es für seine Dateien auf.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open a dataset to split it.</source>
        <translation>Öffnen Sie einen Datensatz, um ihn aufzuteilen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This dataset comes with its own split but no validation part: training holds out %1 % of each class&apos;s training images for validation.</source>
        <translation>Dieser Datensatz bringt eine eigene Aufteilung ohne Validierungsteil mit: Das Training hält %1 % der Trainingsbilder jeder Klasse zur Validierung zurück.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This dataset comes with its own split (train/val/test folders or column): it is used as it is.</source>
        <translation>Dieser Datensatz bringt seine eigene Aufteilung mit (Ordner train/val/test oder Spalte): Sie wird so verwendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This dataset&apos;s own split has no training images: apply a split to train on them.</source>
        <translation>Die eigene Aufteilung dieses Datensatzes enthält keine Trainingsbilder: Wenden Sie eine Aufteilung an, um damit zu trainieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The three parts add up to %1 %: make them 100 %.</source>
        <translation>Die drei Anteile ergeben %1 %: Sie müssen 100 % ergeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The dataset has no split yet: apply one before training, or training splits it with these fractions.</source>
        <translation>Der Datensatz ist noch nicht aufgeteilt: Wenden Sie vor dem Training eine Aufteilung an, sonst teilt das Training ihn mit diesen Anteilen auf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split applied. Applying again replaces it.</source>
        <translation>Aufteilung angewendet. Erneutes Anwenden ersetzt sie.</translation>
    </message>
</context>
<context>
    <name>DownloadProgress</name>
    <message>
        <location filename="../ui/weights/download_progress.cpp" line="+17"/>
        <source>%1 of %2 MiB</source>
        <translation>%1 von %2 MiB</translation>
    </message>
</context>
<context>
    <name>FailureMessage</name>
    <message>
        <location filename="../ui/common/failure_message.cpp" line="+12"/>
        <source>The weight file cannot be read or does not fit this backbone. Choose the backbone it was made for, or another file, on the Model page.</source>
        <translation>Die Gewichtsdatei ist nicht lesbar oder passt nicht zu diesem Backbone. Wählen Sie auf der Seite „Modell“ das Backbone, für das sie gemacht wurde, oder eine andere Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The dataset cannot be trained on as it is. Check the classes and the problems listed on the Data page.</source>
        <translation>Mit dem Datensatz kann so nicht trainiert werden. Prüfen Sie die Klassen und die auf der Seite „Daten“ aufgeführten Probleme.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training diverged: the loss became NaN or infinite. Try a lower learning rate (the LR finder suggests one); the last good checkpoint is kept.</source>
        <translation>Das Training ist divergiert: Der Verlust wurde NaN oder unendlich. Versuchen Sie eine kleinere Lernrate (die Lernratensuche schlägt eine vor); der letzte gute Checkpoint bleibt erhalten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Out of memory. Try a smaller batch size or input size.</source>
        <translation>Nicht genug Speicher. Versuchen Sie eine kleinere Batchgröße oder Eingabegröße.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The chosen device is not available on this computer. Choose “cpu” (or another GPU) under Device.</source>
        <translation>Das gewählte Gerät ist auf diesem Computer nicht verfügbar. Wählen Sie unter „Gerät“ „cpu“ (oder eine andere GPU).</translation>
    </message>
</context>
<context>
    <name>FreezePanel</name>
    <message>
        <location filename="../ui/model/freeze_panel.cpp" line="+59"/>
        <source>Train all</source>
        <translation>Alles trainieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine-tune every layer</source>
        <translation>Jede Schicht feinabstimmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head only</source>
        <translation>Nur der Kopf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze the backbone; train only the new classification head</source>
        <translation>Das Backbone einfrieren; nur den neuen Klassifikationskopf trainieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last blocks:</source>
        <translation>Letzte Blöcke:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the head and the last N blocks of the backbone</source>
        <translation>Den Kopf und die letzten N Blöcke des Backbones trainieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Freeze all</source>
        <translation>Alles einfrieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze everything, then tick what should train</source>
        <translation>Alles einfrieren, dann ankreuzen, was trainieren soll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presets:</source>
        <translation>Vorgaben:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Could not describe the network: %1</source>
        <translation>Das Netz konnte nicht beschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Trainable: %1 (%2 %) · Frozen: %3 · Total: %4</source>
        <translation>Trainierbar: %1 (%2 %) · Eingefroren: %3 · Gesamt: %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — stage 2 of the two-stage run (stage 1 trains the head only)</source>
        <translation> — Stufe 2 des zweistufigen Laufs (Stufe 1 trainiert nur den Kopf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — feature extraction: only the head trains</source>
        <translation> — Merkmalsextraktion: Nur der Kopf trainiert</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Custom freezing switched the training mode to fine-tuning, with its recommended settings (feature extraction trains only the head).</source>
        <translation>Das eigene Einfrieren hat den Trainingsmodus auf Feinabstimmung mit deren empfohlenen Einstellungen umgestellt (Merkmalsextraktion trainiert nur den Kopf).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Training is running: freezing cannot change until it ends.</source>
        <translation>Das Training läuft: Das Einfrieren kann sich erst nach seinem Ende ändern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updating the module tree…</source>
        <translation>Aktualisiere den Modulbaum…</translation>
    </message>
</context>
<context>
    <name>HeadSettings</name>
    <message>
        <location filename="../ui/model/head_settings.cpp" line="+38"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images are resized and cropped to this square size. Smaller trains faster; the backbone&apos;s default matches its ImageNet training.</source>
        <translation>Bilder werden auf diese quadratische Größe skaliert und zugeschnitten. Kleiner trainiert schneller; die Vorgabe des Backbones entspricht seinem ImageNet-Training.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backbone&apos;s own (replace the last layer)</source>
        <translation>Die des Backbones (letzte Schicht ersetzen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Global average</source>
        <translation>Globaler Mittelwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Global max</source>
        <translation>Globales Maximum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flatten</source>
        <translation>Abflachen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none, or e.g. 512:relu:0.2, 256:gelu</source>
        <translation>keine, oder z. B. 512:relu:0.2, 256:gelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden dense layers before the classifier, comma separated: width[:relu|gelu|silu[:dropout]]</source>
        <translation>Verborgene dichte Schichten vor dem Klassifikator, durch Kommas getrennt: Breite[:relu|gelu|silu[:Dropout]]</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dropout before the final classification layer</source>
        <translation>Dropout vor der letzten Klassifikationsschicht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Input size:</source>
        <translation>Eingabegröße:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pooling:</source>
        <translation>Pooling:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden layers:</source>
        <translation>Verborgene Schichten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout:</source>
        <translation>Dropout:</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Hidden layers not applied: %1</source>
        <translation>Verborgene Schichten nicht übernommen: %1</translation>
    </message>
</context>
<context>
    <name>LrFinderView</name>
    <message>
        <location filename="../ui/train/lr_finder_view.cpp" line="+15"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>loss (smoothed)</source>
        <translation>Verlust (geglättet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>range test</source>
        <translation>Bereichstest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the finder (the Find… button next to the learning rate) to see how the loss responds to the learning rate.</source>
        <translation>Starten Sie die Suche (die Schaltfläche „Suchen…“ neben der Lernrate), um zu sehen, wie der Verlust auf die Lernrate reagiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use this learning rate</source>
        <translation>Diese Lernrate verwenden</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Suggested learning rate: &lt;b&gt;%1&lt;/b&gt; (steepest descent of the loss).</source>
        <translation>Vorgeschlagene Lernrate: &lt;b&gt;%1&lt;/b&gt; (steilster Abfall des Verlusts).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picked learning rate: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Gewählte Lernrate: &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click the curve to pick another.</source>
        <translation>Klicken Sie auf die Kurve, um eine andere zu wählen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="+81"/>
        <source>Transfer Studio</source>
        <translation>Transfer Studio</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classify</source>
        <translation>Klassifizieren</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>&amp;Open Dataset Folder…</source>
        <translation>Datensatzordner ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a folder of images, one subfolder per class</source>
        <translation>Einen Bildordner öffnen, ein Unterordner pro Klasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Dataset &amp;File…</source>
        <translation>Datensatz&amp;datei öffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a CSV list, CIFAR-10 binary batches or MNIST IDX files</source>
        <translation>Eine CSV-Liste, CIFAR-10-Binärdateien oder MNIST-IDX-Dateien öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Demo Project</source>
        <translation>&amp;Neues Demoprojekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw a small dataset of shapes to try the studio on</source>
        <translation>Einen kleinen Datensatz aus Formen zeichnen, um das Studio auszuprobieren</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The ImageNet backbone that names what the photos show</source>
        <translation>Das ImageNet-Backbone, das benennt, was die Fotos zeigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Backbone:</source>
        <translation>&amp;Backbone:</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: open a dataset first</source>
        <translation>%1: Öffnen Sie zuerst einen Datensatz</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>New Demo Project</source>
        <translation>Neues Demoprojekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A training run is going: stop it before starting the demo project.</source>
        <translation>Ein Trainingslauf läuft: Beenden Sie ihn, bevor Sie das Demoprojekt starten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CPU · %1 threads</source>
        <translation>CPU · %1 Threads</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>&lt;h3&gt;Transfer Studio %1&lt;/h3&gt;&lt;p&gt;Interactive transfer learning on images: ImageNet backbones, your own dataset, live training.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Transfer Studio %1&lt;/h3&gt;&lt;p&gt;Interaktives Transfer-Lernen mit Bildern: ImageNet-Backbones, Ihr eigener Datensatz, Training live.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Still stopping: the window closes as soon as the run has saved.</source>
        <translation>Wird noch angehalten: Das Fenster schließt sich, sobald der Lauf gespeichert hat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quit Transfer Studio</source>
        <translation>Transfer Studio beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A training run is going. Stop it after the current batch and quit? The model is saved when at least one epoch has finished.</source>
        <translation>Ein Trainingslauf läuft. Nach dem aktuellen Batch anhalten und beenden? Das Modell wird gespeichert, wenn mindestens eine Epoche fertig ist.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stopping after this batch, saving…</source>
        <translation>Halte nach diesem Batch an, speichere…</translation>
    </message>
    <message>
        <location line="-336"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Refresh Weight Cache</source>
        <translation>Gewichts-Cache &amp;aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Transfer Studio</source>
        <translation>&amp;Über Transfer Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+232"/>
        <source>Training and classification run on the CPU with %1 threads</source>
        <translation>Training und Klassifikation laufen auf der CPU mit %1 Threads</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>CUDA · %1 GPU(s) · CPU %2 threads</source>
        <translation>CUDA · %1 GPU(s) · CPU %2 Threads</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>CUDA · %1 · %2 GiB%3 · CPU %4 threads</source>
        <translation>CUDA · %1 · %2 GiB%3 · CPU %4 Threads</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (+%1 more)</source>
        <translation> (+%1 weitere)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>About Transfer Studio</source>
        <translation>Über Transfer Studio</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../ui/data/message_banner.cpp" line="+21"/>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <location filename="../ui/model/model_page.cpp" line="+18"/>
        <source>Backbone and starting weights</source>
        <translation>Backbone und Startgewichte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input and head</source>
        <translation>Eingabe und Kopf</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What trains</source>
        <translation>Was trainiert</translation>
    </message>
</context>
<context>
    <name>ModuleTreeModel</name>
    <message>
        <location filename="../ui/models/module_tree_model.cpp" line="+194"/>
        <source>The whole network</source>
        <translation>Das ganze Netz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Learning-rate multiplier of this module&apos;s parameters (double-click to edit; it applies to the whole subtree)</source>
        <translation>Lernraten-Faktor für die Parameter dieses Moduls (Doppelklick zum Bearbeiten; er gilt für den ganzen Teilbaum)</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainable</source>
        <translation>Trainierbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LR ×</source>
        <translation>LR ×</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <location filename="../ui/train/train_page.cpp" line="+39"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+7"/>
        <location line="+4"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train (batches)</source>
        <translation>Training (Batches)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train (smoothed)</source>
        <translation>Training (geglättet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train (epoch)</source>
        <translation>Training (Epoche)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validation (epoch)</source>
        <translation>Validierung (Epoche)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LR finder</source>
        <translation>Lernratensuche</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+230"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue Run</source>
        <translation>Lauf fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after the current batch; the model is saved when at least one epoch finished</source>
        <translation>Nach dem aktuellen Batch anhalten; das Modell wird gespeichert, wenn mindestens eine Epoche fertig ist</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The run&apos;s log appears here.</source>
        <translation>Das Protokoll des Laufs erscheint hier.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Learning rate set to %1</source>
        <translation>Lernrate auf %1 gesetzt</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Learning-rate range test: step %1 of %2</source>
        <translation>Lernraten-Bereichstest: Schritt %1 von %2</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Preparing…</source>
        <translation>Vorbereitung…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run folder: %1</source>
        <translation>Laufordner: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Continuing the run in %1</source>
        <translation>Der Lauf in %1 wird fortgesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training %1…</source>
        <translation>Trainiere %1…</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Learning-rate range test: preparing…</source>
        <translation>Lernraten-Bereichstest: Vorbereitung…</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused by the user</source>
        <translation>Vom Benutzer angehalten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resumed</source>
        <translation>Fortgesetzt</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Stopping after the current batch…</source>
        <translation>Halte nach dem aktuellen Batch an…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paused · %1</source>
        <translation>Pausiert · %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Continue the stopped run in %1 from its last finished epoch, with the same settings</source>
        <translation>Den angehaltenen Lauf in %1 ab seiner letzten abgeschlossenen Epoche mit denselben Einstellungen fortsetzen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Epoch %1 of %2 · batch %3 of %4</source>
        <translation>Epoche %1 von %2 · Batch %3 von %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stage 2 · %1</source>
        <translation>Stufe 2 · %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 cached features/s · %2 left</source>
        <translation>%1 zwischengespeicherte Merkmale/s · noch %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 images/s · %2 left</source>
        <translation>%1 Bilder/s · noch %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · %1 MiB on the GPU</source>
        <translation> · %1 MiB auf der GPU</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Computing features once: %1 of %2 images</source>
        <translation>Merkmale werden einmalig berechnet: %1 von %2 Bildern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Epoch %1 of %2 · validating %3 of %4</source>
        <translation>Epoche %1 von %2 · validiere %3 von %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Testing %1 of %2</source>
        <translation>Teste %1 von %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+48"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Best validation accuracy %1 %&lt;/b&gt; (epoch %2) · %3 epochs in %4 · %5 cached features/s</source>
        <translation>&lt;b&gt;Beste Validierungsgenauigkeit %1 %&lt;/b&gt; (Epoche %2) · %3 Epochen in %4 · %5 zwischengespeicherte Merkmale/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Best validation accuracy %1 %&lt;/b&gt; (epoch %2) · %3 epochs in %4 · %5 images/s</source>
        <translation>&lt;b&gt;Beste Validierungsgenauigkeit %1 %&lt;/b&gt; (Epoche %2) · %3 Epochen in %4 · %5 Bilder/s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> · features computed at %1 images/s</source>
        <translation> · Merkmale berechnet mit %1 Bildern/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · test accuracy %1 % on %2 images</source>
        <translation> · Testgenauigkeit %1 % auf %2 Bildern</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Model saved to %1</source>
        <translation>Modell gespeichert unter %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training finished: model saved to %1</source>
        <translation>Training beendet: Modell gespeichert unter %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The learning-rate finder failed: %1</source>
        <translation>Die Lernratensuche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopped before the first epoch ended: no model was saved.</source>
        <translation>Vor dem Ende der ersten Epoche angehalten: Es wurde kein Modell gespeichert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Learning-rate range test done</source>
        <translation>Lernraten-Bereichstest abgeschlossen</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <location filename="../ui/train/training_session.cpp" line="+132"/>
        <location line="+57"/>
        <source>A run is already in progress: stop it first.</source>
        <translation>Ein Lauf ist bereits im Gange: Beenden Sie ihn zuerst.</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Training needs a dataset with at least two classes: open one on the Data page first.</source>
        <translation>Das Training braucht einen Datensatz mit mindestens zwei Klassen: Öffnen Sie zuerst einen auf der Seite Daten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device “%1” is not available on this computer (no CUDA device was found): choose “cpu”.</source>
        <translation>Das Gerät „%1“ ist auf diesem Rechner nicht verfügbar (kein CUDA-Gerät gefunden): Wählen Sie „cpu“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown backbone “%1”: choose one on the Model page.</source>
        <translation>Unbekanntes Backbone „%1“: Wählen Sie eines auf der Seite Modell.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The weights file %1 does not exist: choose another one on the Model page, or use the official weights.</source>
        <translation>Die Gewichtsdatei %1 existiert nicht: Wählen Sie auf der Seite Modell eine andere oder verwenden Sie die offiziellen Gewichte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The official ImageNet weights of %1 are not downloaded yet: download them on the Model page, choose a local file, or train from scratch.</source>
        <translation>Die offiziellen ImageNet-Gewichte von %1 sind noch nicht heruntergeladen: Laden Sie sie auf der Seite Modell herunter, wählen Sie eine lokale Datei oder trainieren Sie von Grund auf.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot create the run folder %1: choose another runs folder.</source>
        <translation>Der Laufordner %1 kann nicht angelegt werden: Wählen Sie einen anderen Ordner für Läufe.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no stopped run to continue: its folder or checkpoint is gone.</source>
        <translation>Es gibt keinen angehaltenen Lauf zum Fortsetzen: Sein Ordner oder Checkpoint fehlt.</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <location filename="../ui/train/training_settings.cpp" line="+89"/>
        <source>Base learning rate. The arrows step along 1, 2, 5, 10, …</source>
        <translation>Basis-Lernrate. Die Pfeile schalten in Schritten 1, 2, 5, 10, …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run a learning-rate range test on the training images and pick a rate from its curve</source>
        <translation>Einen Lernraten-Bereichstest auf den Trainingsbildern ausführen und eine Rate aus seiner Kurve wählen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Algorithm:</source>
        <translation>Verfahren:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight decay:</source>
        <translation>Gewichtsabnahme:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum:</source>
        <translation>Momentum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label smoothing:</source>
        <translation>Label-Glättung:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Constant</source>
        <translation>Konstant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step decay</source>
        <translation>Stufenweise Abnahme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-cycle</source>
        <translation>One-Cycle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reduce on plateau</source>
        <translation>Bei Plateau verringern</translation>
    </message>
    <message>
        <location line="-64"/>
        <source> epochs</source>
        <translation> Epochen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source> epoch</source>
        <translation> Epoche</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Learning-rate schedule</source>
        <translation>Lernratenplan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedule:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm-up:</source>
        <translation>Aufwärmen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step every:</source>
        <translation>Stufe alle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patience:</source>
        <translation>Geduld:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Factor:</source>
        <translation>Faktor:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Feature extraction (train the head)</source>
        <translation>Merkmalsextraktion (den Kopf trainieren)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fine-tuning (as the Model page freezes)</source>
        <translation>Feinabstimmung (wie die Seite Modell einfriert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two-stage (head first, then fine-tune)</source>
        <translation>Zweistufig (erst der Kopf, dann Feinabstimmung)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stage 1 trains only the head for this many epochs; stage 2 then trains for the epochs above, as the Model page freezes</source>
        <translation>Stufe 1 trainiert so viele Epochen nur den Kopf; Stufe 2 trainiert dann die Epochen oben, wie die Seite Modell einfriert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Base learning rate of stage 2 (its schedule restarts)</source>
        <translation>Basis-Lernrate von Stufe 2 (ihr Plan beginnt neu)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>without better</source>
        <translation>ohne Verbesserung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Augment training images</source>
        <translation>Trainingsbilder augmentieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Each run writes its checkpoint, log and model bundle into a new folder inside this one</source>
        <translation>Jeder Lauf schreibt Checkpoint, Protokoll und Modellpaket in einen neuen Ordner hierin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage 1 (head):</source>
        <translation>Stufe 1 (Kopf):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage 2 LR:</source>
        <translation>Lernrate Stufe 2:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+129"/>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping:</source>
        <translation>Frühes Beenden:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs folder:</source>
        <translation>Ordner für Läufe:</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 (not available)</source>
        <translation>%1 (nicht verfügbar)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The recommended settings for this mode are applied below.</source>
        <translation>Unten gelten jetzt die empfohlenen Einstellungen für diesen Modus.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stage 2 epochs:</source>
        <translation>Epochen Stufe 2:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for training runs</source>
        <translation>Ordner für Trainingsläufe</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../ui/train/training_worker.cpp" line="+72"/>
        <source>Training stopped by an internal error: %1</source>
        <translation>Training durch einen internen Fehler beendet: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The learning-rate finder stopped by an internal error: %1</source>
        <translation>Die Lernratensuche wurde durch einen internen Fehler beendet: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+57"/>
        <source>Interactive transfer learning on images.</source>
        <translation>Interaktives Transfer-Learning für Bilder.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backbone to select at start (e.g. mobilenet_v2).</source>
        <translation>Beim Start zu wählendes Backbone (z. B. mobilenet_v2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weights file (.pth/.safetensors) for that backbone.</source>
        <translation>Gewichtsdatei (.pth/.safetensors) für dieses Backbone.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start on a freshly drawn demo project (a small dataset of shapes) instead of the dataset opened last time.</source>
        <translation>Mit einem frisch gezeichneten Demoprojekt (einem kleinen Datensatz aus Formen) starten statt mit dem zuletzt geöffneten Datensatz.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Images to classify at start.</source>
        <translation>Beim Start zu klassifizierende Bilder.</translation>
    </message>
</context>
</TS>
