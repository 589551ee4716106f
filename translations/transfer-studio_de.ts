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
    <name>ClassMetricsModel</name>
    <message>
        <location filename="../ui/evaluation/class_metrics_model.cpp" line="+53"/>
        <source>Of the %1 images that are %2, the share the model called %2</source>
        <translation>Von den %1 Bildern, die %2 sind, der Anteil, den das Modell %2 nannte</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
</context>
<context>
    <name>ClassPanel</name>
    <message>
        <location filename="../ui/labeling/class_panel.cpp" line="+53"/>
        <source>&lt;b&gt;Classes&lt;/b&gt; — click, press the key or drop images</source>
        <translation>&lt;b&gt;Klassen&lt;/b&gt; — klicken, Taste drücken oder Bilder ablegen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add Class…</source>
        <translation>Klasse hinzufügen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new class to label with (Ctrl+K); right-click a class (or press the Menu key on it) to rename, merge or delete it</source>
        <translation>Eine neue Klasse zum Beschriften (Strg+K); Rechtsklick auf eine Klasse (oder die Menütaste darauf), um sie umzubenennen, zusammenzuführen oder zu löschen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge Into…</source>
        <translation>Zusammenführen mit…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Label the selection as %1</source>
        <translation>Die Auswahl als %1 beschriften</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label the selection as %1 (%2)</source>
        <translation>Die Auswahl als %1 beschriften (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>Class Name</source>
        <translation>Klassenname</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>A class needs a name.</source>
        <translation>Eine Klasse braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is already a class named “%1”. Choose another name, or use Merge Into… to put two classes together.</source>
        <translation>Es gibt bereits eine Klasse namens „%1“. Wählen Sie einen anderen Namen, oder legen Sie mit „Zusammenführen mit…“ zwei Klassen zusammen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add Class</source>
        <translation>Klasse hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new class:</source>
        <translation>Name der neuen Klasse:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rename Class</source>
        <translation>Klasse umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name of “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Merge Class</source>
        <translation>Klasse zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move every image of “%1” into:</source>
        <translation>Jedes Bild von „%1“ verschieben nach:</translation>
    </message>
</context>
<context>
    <name>ClassificationResultsModel</name>
    <message>
        <location filename="../ui/models/classification_results_model.cpp" line="+90"/>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top classes</source>
        <translation>Wahrscheinlichste Klassen</translation>
    </message>
</context>
<context>
    <name>ClassifyPage</name>
    <message>
        <location filename="../ui/classify/classify_page.cpp" line="+123"/>
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
        <location line="+82"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Weights saved to %1</source>
        <translation>Gewichte gespeichert unter %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Download cancelled</source>
        <translation>Herunterladen abgebrochen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Classified %1 image(s)</source>
        <translation>%1 Bild(er) klassifiziert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classification cancelled</source>
        <translation>Klassifizierung abgebrochen</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Pick a backbone on the left.</source>
        <translation>Links ein Backbone wählen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1&lt;/b&gt; has no weights yet. Download the official ImageNet weights or choose a weights file (.pth or .safetensors) to name the ImageNet classes of your photos.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; hat noch keine Gewichte. Laden Sie die offiziellen ImageNet-Gewichte herunter oder wählen Sie eine Gewichtsdatei (.pth oder .safetensors), um die ImageNet-Klassen Ihrer Fotos zu benennen.</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Open images…</source>
        <translation>Bilder öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classify image files (or drop images and folders here)</source>
        <translation>Bilddateien klassifizieren (oder Bilder und Ordner hier ablegen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classify every image in a folder and its subfolders</source>
        <translation>Jedes Bild eines Ordners und seiner Unterordner klassifizieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classify the image on the clipboard (%1)</source>
        <translation>Das Bild in der Zwischenablage klassifizieren (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the results as tstudio predict --csv does: path, class, every probability</source>
        <translation>Die Ergebnisse so speichern wie tstudio predict --csv: Pfad, Klasse, jede Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Drop images or folders here, paste an image (%1) or open them: the trained model &lt;b&gt;%2&lt;/b&gt; names their classes.</source>
        <translation>Legen Sie Bilder oder Ordner hier ab, fügen Sie ein Bild ein (%1) oder öffnen Sie sie: Das trainierte Modell &lt;b&gt;%2&lt;/b&gt; nennt ihre Klassen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Drop images or folders here, paste an image (%1) or open them: &lt;b&gt;%2&lt;/b&gt; names what they show (top %3 of the 1,000 ImageNet classes).</source>
        <translation>Legen Sie Bilder oder Ordner hier ab, fügen Sie ein Bild ein (%1) oder öffnen Sie sie: &lt;b&gt;%2&lt;/b&gt; nennt, was sie zeigen (die %3 wahrscheinlichsten der 1.000 ImageNet-Klassen).</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location line="+7"/>
        <source>Folder to classify</source>
        <translation>Zu klassifizierender Ordner</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The clipboard holds no image or image file to classify</source>
        <translation>Die Zwischenablage enthält kein Bild und keine Bilddatei zum Klassifizieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Still classifying: wait or cancel first</source>
        <translation>Klassifizierung läuft noch: warten oder zuerst abbrechen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a backbone and its weights first</source>
        <translation>Zuerst ein Backbone und seine Gewichte wählen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opening the model…</source>
        <translation>Das Modell wird geöffnet…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloading %1…</source>
        <translation>Lade %1 herunter…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the results</source>
        <translation>Die Ergebnisse exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Results saved to %1</source>
        <translation>Ergebnisse gespeichert unter %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
</context>
<context>
    <name>ClassifyWorker</name>
    <message>
        <location filename="../ui/classify/classify_worker.cpp" line="+142"/>
        <source>Classification stopped: %1</source>
        <translation>Klassifizierung angehalten: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Grad-CAM failed: %1</source>
        <translation>Grad-CAM fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixPlot</name>
    <message>
        <location filename="../ui/evaluation/confusion_matrix_plot.cpp" line="+39"/>
        <source>Predicted class</source>
        <translation>Vorhergesagte Klasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True class</source>
        <translation>Tatsächliche Klasse</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Click a cell to see its images</source>
        <translation>Klicken Sie auf eine Zelle, um ihre Bilder zu sehen</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../ui/data/data_page.cpp" line="+56"/>
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
        <location line="+14"/>
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
        <location line="+7"/>
        <source>Split applied: %1 train, %2 validation, %3 test images</source>
        <translation>Aufteilung angewendet: %1 Trainings-, %2 Validierungs-, %3 Testbilder</translation>
    </message>
    <message>
        <location line="+57"/>
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
        <location line="+11"/>
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
    <name>DatasetExportActions</name>
    <message>
        <location filename="../ui/project/dataset_export_actions.cpp" line="+17"/>
        <source>&amp;Export Labelled Dataset</source>
        <translation>Beschrifteten Datensatz &amp;exportieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export into a New or Empty Folder</source>
        <translation>In einen neuen oder leeren Ordner exportieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>As Class &amp;Folders…</source>
        <translation>Als Klassen&amp;ordner…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies of the images in one folder per class (and per split)</source>
        <translation>Kopien der Bilder in einem Ordner pro Klasse (und pro Aufteilungsteil)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As Class Folders of &amp;Hard Links…</source>
        <translation>Als Klassenordner mit &amp;harten Links…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same tree without copying: links to the images (same disk)</source>
        <translation>Derselbe Baum ohne Kopieren: Links auf die Bilder (gleicher Datenträger)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As &amp;CSV List…</source>
        <translation>Als &amp;CSV-Liste…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV lists (*.csv)</source>
        <translation>CSV-Listen (*.csv)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exporting the labelled images…</source>
        <translation>Die beschrifteten Bilder werden exportiert…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Export Labelled Dataset</source>
        <translation>Beschrifteten Datensatz exportieren</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The export was cancelled; nothing was left behind.</source>
        <translation>Der Export wurde abgebrochen; nichts ist zurückgeblieben.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Exported %1 images to %2 (%3 hard-linked)</source>
        <translation>%1 Bilder nach %2 exportiert (%3 als harte Links)</translation>
    </message>
</context>
<context>
    <name>DatasetProblem</name>
    <message>
        <location filename="../core/data/dataset_inspector.cpp" line="+121"/>
        <source>%1: a %2 file named like a %3; it is read by content, rename it to avoid confusing other tools</source>
        <translation>%1: eine %2-Datei mit dem Namen einer %3-Datei; sie wird nach ihrem Inhalt gelesen, benennen Sie sie um, damit andere Werkzeuge nicht in die Irre gehen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 identical images in different splits (the same image is trained on and evaluated: remove all but one); they carry different labels</source>
        <translation>%1 identische Bilder in verschiedenen Aufteilungsteilen (dasselbe Bild wird trainiert und ausgewertet: entfernen Sie alle bis auf eines); sie tragen verschiedene Beschriftungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 identical images in different splits (the same image is trained on and evaluated: remove all but one)</source>
        <translation>%1 identische Bilder in verschiedenen Aufteilungsteilen (dasselbe Bild wird trainiert und ausgewertet: entfernen Sie alle bis auf eines)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 identical images (keep one); they carry different labels</source>
        <translation>%1 identische Bilder (behalten Sie eines); sie tragen verschiedene Beschriftungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 identical images (keep one)</source>
        <translation>%1 identische Bilder (behalten Sie eines)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 images have a side shorter than the input size %2 px: they will be upscaled (blurry); use a smaller input size or larger images</source>
        <translation>%1 Bilder haben eine Seite, die kürzer ist als die Eingabegröße von %2 px: Sie werden hochskaliert (unscharf); verwenden Sie eine kleinere Eingabegröße oder größere Bilder</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>class &quot;%1&quot; has 1 image: at least 2 are needed to train and validate; add images or merge it</source>
        <translation>Klasse „%1“ hat 1 Bild: Für Training und Validierung werden mindestens 2 gebraucht; fügen Sie Bilder hinzu oder führen Sie die Klasse mit einer anderen zusammen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>class &quot;%1&quot; has %2 images: at least 2 are needed to train and validate; add images or merge it</source>
        <translation>Klasse „%1“ hat %2 Bilder: Für Training und Validierung werden mindestens 2 gebraucht; fügen Sie Bilder hinzu oder führen Sie die Klasse mit einer anderen zusammen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>strong class imbalance: &quot;%1&quot; has %2 images, &quot;%3&quot; only %4 (%5x); add images to the small classes or use class weights</source>
        <translation>starkes Ungleichgewicht der Klassen: „%1“ hat %2 Bilder, „%3“ nur %4 (%5×); fügen Sie den kleinen Klassen Bilder hinzu oder verwenden Sie Klassengewichte</translation>
    </message>
    <message>
        <location filename="../core/data/file_check.cpp" line="+34"/>
        <source>%1: cannot be opened for reading (check permissions)</source>
        <translation>%1: kann nicht zum Lesen geöffnet werden (prüfen Sie die Berechtigungen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht vorhanden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: read error</source>
        <translation>%1: Lesefehler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the file is empty (0 bytes)</source>
        <translation>%1: Die Datei ist leer (0 Byte)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the content is not an image, whatever the file name says</source>
        <translation>%1: Der Inhalt ist kein Bild, was auch immer der Dateiname sagt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: damaged %2 header: no image size (cut off or corrupt)</source>
        <translation>%1: beschädigter %2-Header: keine Bildgröße (abgeschnitten oder defekt)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: the JPEG data ends before its end marker (interrupted download or copy)</source>
        <translation>%1: Die JPEG-Daten enden vor ihrer Endmarke (unterbrochener Download oder abgebrochene Kopie)</translation>
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
    <name>Duration</name>
    <message>
        <location filename="../ui/common/duration_text.cpp" line="+15"/>
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
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <location filename="../ui/evaluation/evaluation_page.cpp" line="+48"/>
        <source>validation images</source>
        <translation>Validierungsbilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all labelled images</source>
        <translation>alle beschrifteten Bilder</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Evaluation cancelled</source>
        <translation>Auswertung abgebrochen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The report was not written: %1</source>
        <translation>Der Bericht wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Validation split</source>
        <translation>Validierungsteil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test split</source>
        <translation>Testteil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All labelled images</source>
        <translation>Alle beschrifteten Bilder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Images:</source>
        <translation>&amp;Bilder:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Evaluate</source>
        <translation>&amp;Auswerten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure the model on these images (F5)</source>
        <translation>Das Modell auf diesen Bildern messen (F5)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport Report…</source>
        <translation>Bericht e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per-class table and per-image predictions as CSV, the confusion matrix as PNG</source>
        <translation>Tabelle pro Klasse und Vorhersagen pro Bild als CSV, die Konfusionsmatrix als PNG</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Train a model, or choose one, then Evaluate.</source>
        <translation>Trainieren oder wählen Sie ein Modell, dann „Auswerten“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Row-normalised (share of each true class)</source>
        <translation>&amp;Zeilenweise normiert (Anteil jeder tatsächlichen Klasse)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Per class</source>
        <translation>Pro Klasse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cell images</source>
        <translation>Bilder der Zelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top losses</source>
        <translation>Größte Verluste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;label as</source>
        <translation>&amp;Umbeschriften als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The label may be what is wrong: give the selected images this class (Ctrl+Z undoes it)</source>
        <translation>Vielleicht ist die Beschriftung falsch: Den ausgewählten Bildern diese Klasse geben (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xclude</source>
        <translation>Aus&amp;schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the selected images out of training (X)</source>
        <translation>Die ausgewählten Bilder vom Training ausschließen (X)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Other bundle…</source>
        <translation>Anderes Modellpaket…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a Trained Model</source>
        <translation>Ein trainiertes Modell wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model bundles (*.tsmodel);;All files (*)</source>
        <translation>Modellpakete (*.tsmodel);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a trained model to evaluate</source>
        <translation>Ein trainiertes Modell zum Auswerten wählen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Evaluating %1 on the %2…</source>
        <translation>%1 wird ausgewertet (%2)…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&lt;b&gt;%1&lt;/b&gt; correct of %2 images · top-1 %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; von %2 Bildern richtig · Top-1 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> · top-5 %1</source>
        <translation> · Top-5 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · loss %1</source>
        <translation> · Verlust %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 unreadable (not counted)</source>
        <translation> · %1 nicht lesbar (nicht gezählt)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The images changed: Evaluate again to see the model on them.</source>
        <translation>Die Bilder haben sich geändert: Werten Sie erneut aus, um das Modell auf ihnen zu sehen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 → %2 (%3)</source>
        <translation>%1 → %2 (%3)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Export the Evaluation Report into</source>
        <translation>Den Auswertungsbericht exportieren nach</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Report written to %1</source>
        <translation>Bericht geschrieben nach %1</translation>
    </message>
</context>
<context>
    <name>FailureMessage</name>
    <message>
        <location filename="../ui/common/failure_message.cpp" line="+28"/>
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
    <name>FileMessage</name>
    <message>
        <location filename="../core/common/file_messages.h" line="+15"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
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
    <name>GradCamPreview</name>
    <message>
        <location filename="../ui/classify/grad_cam_preview.cpp" line="+35"/>
        <location line="+77"/>
        <location line="+32"/>
        <source>Select a result to see it large.</source>
        <translation>Wählen Sie ein Ergebnis, um es groß zu sehen.</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>&amp;Grad-CAM</source>
        <translation>&amp;Grad-CAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour where the model found evidence for the class: red most, blue least</source>
        <translation>Färbt, wo das Modell Hinweise auf die Klasse fand: rot am meisten, blau am wenigsten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opacity of the Grad-CAM overlay</source>
        <translation>Deckkraft der Grad-CAM-Überlagerung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Opacity:</source>
        <translation>&amp;Deckkraft:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The class the overlay explains</source>
        <translation>Die Klasse, die die Überlagerung erklärt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Class:</source>
        <translation>&amp;Klasse:</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Predicted: %1</source>
        <translation>Vorhergesagt: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Computing Grad-CAM…</source>
        <translation>Grad-CAM wird berechnet…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — Grad-CAM for &lt;b&gt;%2&lt;/b&gt;: red where the model found the most evidence for it</source>
        <translation>%1 — Grad-CAM für &lt;b&gt;%2&lt;/b&gt;: rot, wo das Modell die meisten Hinweise darauf fand</translation>
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
    <name>ImageGridModel</name>
    <message>
        <location filename="../ui/labeling/image_grid_model.cpp" line="+110"/>
        <source>%1? %2 %</source>
        <translation>%1? %2 %</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Unlabeled</source>
        <translation>Unbeschriftet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suggested: %1 (%2 %) — Enter accepts, Delete rejects</source>
        <translation>Vorschlag: %1 (%2 %) — Eingabe übernimmt, Entf verwirft</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Excluded from training</source>
        <translation>Vom Training ausgeschlossen</translation>
    </message>
</context>
<context>
    <name>ImageOutcomeModel</name>
    <message>
        <location filename="../ui/evaluation/image_outcome_model.cpp" line="+64"/>
        <source>excluded</source>
        <translation>ausgeschlossen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>now unlabeled</source>
        <translation>jetzt unbeschriftet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>now %1</source>
        <translation>jetzt %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1
loss %2</source>
        <translation>%1
Verlust %2</translation>
    </message>
</context>
<context>
    <name>ImagePreview</name>
    <message>
        <location filename="../ui/labeling/image_preview.cpp" line="+91"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This image cannot be shown:
%1</source>
        <translation>Dieses Bild kann nicht angezeigt werden:
%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No image selected.</source>
        <translation>Kein Bild ausgewählt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 × %2 pixels, %3</source>
        <translation>%1 × %2 Pixel, %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown format</source>
        <translation>unbekanntes Format</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label: %1</source>
        <translation>Beschriftung: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split: %1</source>
        <translation>Aufteilung: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excluded from training</source>
        <translation>Vom Training ausgeschlossen</translation>
    </message>
</context>
<context>
    <name>LabelCommand</name>
    <message>
        <location filename="../ui/labeling/label_commands.cpp" line="+17"/>
        <source>1 Image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 Images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Clear the Label of %1</source>
        <translation>Beschriftung von %1 entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label %1 as %2</source>
        <translation>%1 als %2 beschriften</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Exclude %1</source>
        <translation>%1 ausschließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include %1</source>
        <translation>%1 wieder aufnehmen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add Class %1</source>
        <translation>Klasse %1 hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rename Class %1 to %2</source>
        <translation>Klasse %1 in %2 umbenennen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Merge Class %1 into %2</source>
        <translation>Klasse %1 mit %2 zusammenführen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete Class %1</source>
        <translation>Klasse %1 löschen</translation>
    </message>
</context>
<context>
    <name>LabelSuggestions</name>
    <message>
        <location filename="../ui/labeling/label_suggestions.cpp" line="+76"/>
        <source>Suggestions cancelled</source>
        <translation>Vorschläge abgebrochen</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>No model trained yet: train one on the Train step</source>
        <translation>Noch kein Modell trainiert: Trainieren Sie eines im Schritt Training</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the last trained model…</source>
        <translation>Das zuletzt trainierte Modell wird gelesen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last trained model cannot be read: %1</source>
        <translation>Das zuletzt trainierte Modell kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The last trained model knows the classes %1, the project has %2: train again to suggest from a model</source>
        <translation>Das zuletzt trainierte Modell kennt die Klassen %1, das Projekt hat %2: Trainieren Sie erneut, um Vorschläge von einem Modell zu erhalten</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Every image has a label</source>
        <translation>Jedes Bild ist beschriftet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Label an image of two classes to get suggestions</source>
        <translation>Beschriften Sie ein Bild aus zwei Klassen, um Vorschläge zu erhalten</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 suggestions</source>
        <translation>%1 Vorschläge</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 suggestions from the last trained model</source>
        <translation>%1 Vorschläge vom zuletzt trainierten Modell</translation>
    </message>
</context>
<context>
    <name>LabelingPage</name>
    <message>
        <location filename="../ui/labeling/labeling_page.cpp" line="+51"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty file</source>
        <translation>leere Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not an image</source>
        <translation>kein Bild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>truncated</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wrong extension</source>
        <translation>falsche Endung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicate across splits</source>
        <translation>Duplikat über Aufteilungsteile hinweg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too small</source>
        <translation>zu klein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too few images</source>
        <translation>zu wenige Bilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>imbalance</source>
        <translation>Ungleichgewicht</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Skip (Space)</source>
        <translation>Überspringen (Leertaste)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move on without labelling</source>
        <translation>Ohne Beschriften weitergehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclude (X)</source>
        <translation>Ausschließen (X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the selected images out of training, or bring them back</source>
        <translation>Die ausgewählten Bilder vom Training ausschließen oder wieder aufnehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear Label (0)</source>
        <translation>Beschriftung entfernen (0)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the selected images unlabeled again</source>
        <translation>Die ausgewählten Bilder wieder unbeschriftet machen</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>A training run is using the dataset: labels can change once it has ended.</source>
        <translation>Ein Trainingslauf verwendet den Datensatz: Beschriftungen können sich ändern, sobald er beendet ist.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dataset order</source>
        <translation>Reihenfolge im Datensatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date modified</source>
        <translation>Änderungsdatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Least confident first</source>
        <translation>Unsicherste zuerst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Order:</source>
        <translation>&amp;Reihenfolge:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Thumbnail size</source>
        <translation>Größe der Vorschaubilder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Next unlabeled after labelling</source>
        <translation>&amp;Nach dem Beschriften zum nächsten unbeschrifteten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Su&amp;ggest labels</source>
        <translation>Beschriftungen &amp;vorschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Propose a class for every unlabeled image, from the backbone&apos;s features once two classes have labels or from the last trained model; Enter accepts, Delete rejects</source>
        <translation>Für jedes unbeschriftete Bild eine Klasse vorschlagen, aus den Merkmalen des Backbones, sobald zwei Klassen beschriftet sind, oder vom zuletzt trainierten Modell; Eingabe übernimmt, Entf verwirft</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where the suggested labels come from</source>
        <translation>Woher die vorgeschlagenen Beschriftungen kommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features (nearest class centroid)</source>
        <translation>Merkmale (nächster Klassenschwerpunkt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+57"/>
        <source>Last trained model</source>
        <translation>Zuletzt trainiertes Modell</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Suggesting…</source>
        <translation>Vorschläge werden erstellt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suggesting %1 of %2…</source>
        <translation>Vorschlag %1 von %2…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suggestions up to date</source>
        <translation>Vorschläge sind aktuell</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Last trained model: %1</source>
        <translation>Zuletzt trainiertes Modell: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest with the model trained last</source>
        <translation>Mit dem zuletzt trainierten Modell vorschlagen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>All images</source>
        <translation>Alle Bilder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlabeled</source>
        <translation>Unbeschriftet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excluded</source>
        <translation>Ausgeschlossen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class: %1</source>
        <translation>Klasse: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Split: %1</source>
        <translation>Aufteilung: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Images with problems (%1)</source>
        <translation>Bilder mit Problemen (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem: %1 (%2)</source>
        <translation>Problem: %1 (%2)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1 images, %2 unlabeled, %3 excluded</source>
        <translation>%1 Bilder, %2 unbeschriftet, %3 ausgeschlossen</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Select the images to label first.</source>
        <translation>Wählen Sie zuerst die zu beschriftenden Bilder aus.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every image has a label.</source>
        <translation>Jedes Bild ist beschriftet.</translation>
    </message>
    <message numerus="yes">
        <location line="+190"/>
        <source>Added %n image(s).</source>
        <translation>
            <numerusform>%n Bild hinzugefügt.</numerusform>
            <numerusform>%n Bilder hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n were in the project already.</source>
        <translation>
            <numerusform>%n war schon im Projekt.</numerusform>
            <numerusform>%n waren schon im Projekt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not images: %1.</source>
        <translation>Keine Bilder: %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No suggestion to accept here: label with a class key.</source>
        <translation>Hier gibt es keinen Vorschlag zu übernehmen: Beschriften Sie mit einer Klassentaste.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Accept 1 Suggestion</source>
        <translation>1 Vorschlag übernehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept %1 Suggestions</source>
        <translation>%1 Vorschläge übernehmen</translation>
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
        <location filename="../ui/main_window.cpp" line="+91"/>
        <source>Transfer Studio</source>
        <translation>Transfer Studio</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classify</source>
        <translation>Klassifizieren</translation>
    </message>
    <message>
        <location line="+76"/>
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
        <location line="+3"/>
        <source>Draw a small dataset of shapes to try the studio on</source>
        <translation>Einen kleinen Datensatz aus Formen zeichnen, um das Studio auszuprobieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Model…</source>
        <translation>&amp;Modell exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a trained model as .pth, safetensors, TorchScript or ONNX, verified</source>
        <translation>Ein trainiertes Modell als .pth, safetensors, TorchScript oder ONNX schreiben, geprüft</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The ImageNet backbone that names what the photos show</source>
        <translation>Das ImageNet-Backbone, das benennt, was die Fotos zeigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Backbone:</source>
        <translation>&amp;Backbone:</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: open a dataset first</source>
        <translation>%1: Öffnen Sie zuerst einen Datensatz</translation>
    </message>
    <message>
        <location line="+129"/>
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
        <location line="-403"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Label</source>
        <translation>Beschriften</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1[*] — Transfer Studio</source>
        <translation>%1[*] — Transfer Studio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open Dataset &amp;Folder…</source>
        <translation>Datensatz&amp;ordner öffnen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New &amp;Demo Project</source>
        <translation>Neues &amp;Demoprojekt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+257"/>
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
    <name>ModelChooser</name>
    <message>
        <location filename="../ui/classify/model_chooser.cpp" line="+18"/>
        <source>The model that names the images: a trained model of this project, or the backbone as is with its 1,000 ImageNet classes</source>
        <translation>Das Modell, das die Bilder benennt: ein trainiertes Modell dieses Projekts oder das Backbone, wie es ist, mit seinen 1.000 ImageNet-Klassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other bundle…</source>
        <translation>Anderes Modellpaket…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a .tsmodel file written by a training run</source>
        <translation>Eine von einem Trainingslauf geschriebene .tsmodel-Datei öffnen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Backbone as is — ImageNet, 1,000 classes</source>
        <translation>Backbone, wie es ist — ImageNet, 1.000 Klassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 as is — ImageNet, 1,000 classes</source>
        <translation>%1, wie es ist — ImageNet, 1.000 Klassen</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Choose a trained model</source>
        <translation>Ein trainiertes Modell wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer Studio models (*.tsmodel);;All files (*)</source>
        <translation>Transfer-Studio-Modelle (*.tsmodel);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ModelExportDialog</name>
    <message>
        <location filename="../ui/export/model_export_dialog.cpp" line="+41"/>
        <source>PyTorch state dict (.pth, torchvision&apos;s keys)</source>
        <translation>PyTorch-State-Dict (.pth, Schlüssel von torchvision)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PyTorch state dict (*.pth)</source>
        <translation>PyTorch-State-Dict (*.pth)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>safetensors (.safetensors)</source>
        <translation>safetensors (.safetensors)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TorchScript (.pt, torch.jit.load)</source>
        <translation>TorchScript (.pt, torch.jit.load)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TorchScript (*.pt)</source>
        <translation>TorchScript (*.pt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ONNX (.onnx, opset 17)</source>
        <translation>ONNX (.onnx, Opset 17)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX (*.onnx)</source>
        <translation>ONNX (*.onnx)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export Model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A trained model (.tsmodel)</source>
        <translation>Ein trainiertes Modell (.tsmodel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save as:</source>
        <translation>&amp;Speichern unter:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exporting and verifying…</source>
        <translation>Exportieren und prüfen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Choose a Trained Model</source>
        <translation>Trainiertes Modell auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained models (*.tsmodel);;All files (*)</source>
        <translation>Trainierte Modelle (*.tsmodel);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Model As</source>
        <translation>Modell exportieren als</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Choose a trained model (.tsmodel) to export.</source>
        <translation>Wählen Sie ein trainiertes Modell (.tsmodel) zum Exportieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose where to save the exported model.</source>
        <translation>Wählen Sie, wo das exportierte Modell gespeichert werden soll.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exported %1, with %2 and %3 beside it.</source>
        <translation>%1 exportiert, daneben %2 und %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verified: re-loaded and run on %1 inputs, largest difference %2 (allowed %3).</source>
        <translation>Geprüft: neu geladen und mit %1 Eingaben ausgeführt, größte Abweichung %2 (erlaubt %3).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loads strictly into %1.</source>
        <translation>Lädt strikt in %1.</translation>
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
    <name>ProjectDocument</name>
    <message>
        <location filename="../ui/project/project_document.cpp" line="+76"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>The project has no file yet: use Save As.</source>
        <translation>Das Projekt hat noch keine Datei: Verwenden Sie „Speichern unter“.</translation>
    </message>
</context>
<context>
    <name>ProjectFileActions</name>
    <message>
        <location filename="../ui/project/project_file_actions.cpp" line="+23"/>
        <source>Transfer Studio projects (*.tsproj)</source>
        <translation>Transfer-Studio-Projekte (*.tsproj)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start an empty project</source>
        <translation>Ein leeres Projekt beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a saved project (.tsproj)</source>
        <translation>Ein gespeichertes Projekt öffnen (.tsproj)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n image(s) of this project are not on disk any more. They keep their labels; training leaves them out until they are back.</source>
        <translation>
            <numerusform>%n Bild dieses Projekts ist nicht mehr auf dem Datenträger. Es behält seine Beschriftung; das Training lässt es aus, bis es wieder da ist.</numerusform>
            <numerusform>%n Bilder dieses Projekts sind nicht mehr auf dem Datenträger. Sie behalten ihre Beschriftungen; das Training lässt sie aus, bis sie wieder da sind.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Missing Images</source>
        <translation>Fehlende Bilder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
… and %1 more</source>
        <translation>
… und %1 weitere</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “%1” first?</source>
        <translation>Die Änderungen an „%1“ zuerst speichern?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an untitled project</source>
        <translation>einem unbenannten Projekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>Recover Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Transfer Studio did not close properly. Recover the unsaved changes to %1, autosaved %2?</source>
        <translation>Transfer Studio wurde nicht ordnungsgemäß beendet. Die ungespeicherten Änderungen an %1 (automatisch gespeichert %2) wiederherstellen?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recovered %1: save it to keep the changes</source>
        <translation>%1 wiederhergestellt: Speichern Sie, um die Änderungen zu behalten</translation>
    </message>
</context>
<context>
    <name>RunComparisonModel</name>
    <message>
        <location filename="../ui/models/run_comparison_model.cpp" line="+162"/>
        <source>This run was made by a version without this setting.</source>
        <translation>Dieser Lauf stammt von einer Version ohne diese Einstellung.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
</context>
<context>
    <name>RunCurvesPlot</name>
    <message>
        <location filename="../ui/runs/run_curves_plot.cpp" line="+27"/>
        <source>Loss (— val., - - train)</source>
        <translation>Verlust (— Val., - - Training)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Val. accuracy (%)</source>
        <translation>Val.-Genauigkeit (%)</translation>
    </message>
</context>
<context>
    <name>RunDeletion</name>
    <message>
        <location filename="../ui/runs/run_deletion.cpp" line="+30"/>
        <location line="+21"/>
        <location line="+41"/>
        <source>Delete Runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message numerus="yes">
        <location line="-44"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Delete %n run(s) and their folder(s)?</source>
        <translation>
            <numerusform>%n Lauf und seinen Ordner löschen?</numerusform>
            <numerusform>%n Läufe und ihre Ordner löschen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model bundle, checkpoint and run log in these folders are deleted for good:
%1</source>
        <translation>Modellpaket, Checkpoint und Protokoll in diesen Ordnern werden endgültig gelöscht:
%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The run %1 was not deleted.</source>
        <translation>Der Lauf %1 wurde nicht gelöscht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove from the List Only</source>
        <translation>Nur aus der Liste entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the Run</source>
        <translation>Den Lauf behalten</translation>
    </message>
</context>
<context>
    <name>RunHistoryDock</name>
    <message>
        <location filename="../ui/project/run_history_dock.cpp" line="+8"/>
        <source>Run History</source>
        <translation>Verlauf der Läufe</translation>
    </message>
</context>
<context>
    <name>RunHistoryModel</name>
    <message>
        <location filename="../ui/models/run_history_model.cpp" line="+107"/>
        <source>%1 (epoch %2)</source>
        <translation>%1 (Epoche %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best val. accuracy</source>
        <translation>Beste Val.-Genauigkeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
</context>
<context>
    <name>RunText</name>
    <message>
        <location filename="../ui/models/run_text.cpp" line="+27"/>
        <source>Features + head</source>
        <translation>Merkmale + Kopf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fine-tune</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two-stage</source>
        <translation>Zweistufig</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <location filename="../ui/runs/runs_panel.cpp" line="+46"/>
        <source>Select runs to compare them (Ctrl+A: all). Double-click a run to open its folder.</source>
        <translation>Wählen Sie Läufe aus, um sie zu vergleichen (Strg+A: alle). Doppelklick auf einen Lauf öffnet seinen Ordner.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delete Runs…</source>
        <translation>Läufe &amp;löschen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete the selected runs and their folders (asks first)</source>
        <translation>Die ausgewählten Läufe und ihre Ordner löschen (fragt vorher)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select two or more runs to compare them.</source>
        <translation>Wählen Sie zwei oder mehr Läufe aus, um sie zu vergleichen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select runs in the list above: their loss and accuracy curves and their settings appear here.</source>
        <translation>Wählen Sie oben in der Liste Läufe aus: Ihre Verlust- und Genauigkeitskurven und ihre Einstellungen erscheinen hier.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Only &amp;differences</source>
        <translation>Nur &amp;Unterschiede</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only the settings in which the selected runs differ</source>
        <translation>Nur die Einstellungen zeigen, in denen sich die ausgewählten Läufe unterscheiden</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <location filename="../ui/train/train_page.cpp" line="+62"/>
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
        <location line="+246"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue Run</source>
        <translation>Lauf fortsetzen</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+60"/>
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
        <location line="-81"/>
        <source>Learning-rate range test: preparing…</source>
        <translation>Lernraten-Bereichstest: Vorbereitung…</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Start a run with these settings (Ctrl+Enter)</source>
        <translation>Einen Lauf mit diesen Einstellungen starten (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+236"/>
        <source>Pause or resume the run (Ctrl+Shift+Enter)</source>
        <translation>Den Lauf anhalten oder fortsetzen (Strg+Umschalt+Eingabe)</translation>
    </message>
    <message>
        <location line="-234"/>
        <source>Stop after the current batch; the model is saved when at least one epoch finished (Ctrl+.)</source>
        <translation>Nach dem aktuellen Batch beenden; das Modell wird gespeichert, wenn mindestens eine Epoche abgeschlossen ist (Strg+.)</translation>
    </message>
    <message>
        <location line="+200"/>
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
        <location line="+13"/>
        <source>A run on several processes cannot be paused; Stop keeps what it trained, and Continue resumes it on any number of processes</source>
        <translation>Ein Lauf auf mehreren Prozessen lässt sich nicht anhalten; Stoppen behält, was er trainiert hat, und Fortsetzen setzt ihn mit beliebig vielen Prozessen fort</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+25"/>
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
    <name>TrainingMessage</name>
    <message>
        <location filename="../core/training/training_messages.h" line="+18"/>
        <source>Epochs must be 0 or more and the batch size at least 1.</source>
        <translation>Die Zahl der Epochen muss 0 oder mehr und die Batchgröße mindestens 1 sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label smoothing must be in [0, 1).</source>
        <translation>Label Smoothing muss in [0, 1) liegen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown architecture &quot;%1&quot;; known: %2</source>
        <translation>Unbekannte Architektur „%1“; bekannt sind: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot create the output folder %1: %2.</source>
        <translation>Der Ausgabeordner %1 lässt sich nicht anlegen: %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every labelled image is excluded (%1): include some again (X on the Label step) to train on them.</source>
        <translation>Jedes beschriftete Bild ist ausgeschlossen (%1): Nehmen Sie einige wieder auf (X im Schritt „Beschriften“), um mit ihnen zu trainieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The training split has no labelled images: label some images, or give the split a larger training fraction.</source>
        <translation>Der Trainingsteil hat keine beschrifteten Bilder: Beschriften Sie einige Bilder oder geben Sie der Aufteilung einen größeren Trainingsanteil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training a classifier needs at least two classes with labelled images; this dataset has %1.</source>
        <translation>Zum Trainieren eines Klassifikators braucht es mindestens zwei Klassen mit beschrifteten Bildern; dieser Datensatz hat %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input size %1 does not suit %2: use %3 to 2048 (default %4).</source>
        <translation>Die Eingabegröße %1 passt nicht zu %2: Verwenden Sie %3 bis 2048 (Standard %4).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The weights do not fit %1: %2 Choose weights made for this architecture, or train from scratch.</source>
        <translation>Die Gewichte passen nicht zu %1: %2 Wählen Sie Gewichte, die für diese Architektur gemacht sind, oder trainieren Sie von Grund auf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing would train in stage %1: the freeze spec &quot;%2&quot; freezes every parameter.</source>
        <translation>In Stufe %1 würde nichts trainiert: Die Einfrier-Angabe „%2“ friert jeden Parameter ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none of the training images could be read</source>
        <translation>keines der Trainingsbilder ließ sich lesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none of the validation images could be read</source>
        <translation>keines der Validierungsbilder ließ sich lesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to resume in %1: it holds no checkpoint.pt. Start a fresh run there without resume, or name the folder of the run to continue.</source>
        <translation>In %1 gibt es nichts fortzusetzen: Der Ordner enthält keine checkpoint.pt. Starten Sie dort einen neuen Lauf ohne Fortsetzen, oder nennen Sie den Ordner des Laufs, der fortgesetzt werden soll.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The checkpoint in %1 was written by a run with other settings: resume with the same settings (on another number of processes: the same images per step, the batch size times the processes), or start a fresh run in another folder.</source>
        <translation>Der Checkpoint in %1 stammt von einem Lauf mit anderen Einstellungen: Setzen Sie mit denselben Einstellungen fort (bei einer anderen Zahl von Prozessen: dieselben Bilder pro Schritt, die Batchgröße mal die Prozesse), oder starten Sie einen neuen Lauf in einem anderen Ordner.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The checkpoint %1 is damaged: %2.</source>
        <translation>Der Checkpoint %1 ist beschädigt: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The checkpoint %1 names a stage this run does not have.</source>
        <translation>Der Checkpoint %1 nennt eine Stufe, die dieser Lauf nicht hat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The checkpoint %1 cannot be read: %2</source>
        <translation>Der Checkpoint %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The checkpoint %1 cannot be read: it is not a Transfer Studio checkpoint.</source>
        <translation>Der Checkpoint %1 lässt sich nicht lesen: Er ist kein Checkpoint von Transfer Studio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The checkpoint %1 cannot be read: its description is damaged or of another version.</source>
        <translation>Der Checkpoint %1 lässt sich nicht lesen: Seine Beschreibung ist beschädigt oder stammt von einer anderen Version.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The checkpoint %1 cannot be read: it holds an unexpected tensor &quot;%2&quot;.</source>
        <translation>Der Checkpoint %1 lässt sich nicht lesen: Er enthält einen unerwarteten Tensor „%2“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The optimizer state in the checkpoint does not fit this run: %1.</source>
        <translation>Der Zustand des Optimierers im Checkpoint passt nicht zu diesem Lauf: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The LR finder needs 0 &lt; start &lt; end and at least 2 steps.</source>
        <translation>Die Lernratensuche braucht 0 &lt; Start &lt; Ende und mindestens 2 Schritte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The LR finder stopped after %1 steps: too few to suggest a learning rate. Use a start LR lower, or more training images.</source>
        <translation>Die Lernratensuche hat nach %1 Schritten aufgehört: zu wenige, um eine Lernrate vorzuschlagen. Verwenden Sie eine niedrigere Start-Lernrate oder mehr Trainingsbilder.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The validation loss became NaN after epoch %1: training diverged. The last good checkpoint is kept. Lower the learning rate or add gradient clipping.</source>
        <translation>Der Validierungsverlust wurde nach Epoche %1 NaN: Das Training ist divergiert. Der letzte gute Checkpoint bleibt erhalten. Senken Sie die Lernrate oder begrenzen Sie die Gradienten (Gradient Clipping).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The validation loss became infinite after epoch %1: training diverged. The last good checkpoint is kept. Lower the learning rate or add gradient clipping.</source>
        <translation>Der Validierungsverlust wurde nach Epoche %1 unendlich: Das Training ist divergiert. Der letzte gute Checkpoint bleibt erhalten. Senken Sie die Lernrate oder begrenzen Sie die Gradienten (Gradient Clipping).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The training loss became NaN or infinite in epoch %1 (batch %2), before that step was applied: training diverged. The last good checkpoint is kept in %3. Lower the learning rate, add gradient clipping or check the data.</source>
        <translation>Der Trainingsverlust wurde in Epoche %1 (Batch %2) NaN oder unendlich, bevor dieser Schritt angewandt wurde: Das Training ist divergiert. Der letzte gute Checkpoint bleibt in %3 erhalten. Senken Sie die Lernrate, begrenzen Sie die Gradienten (Gradient Clipping) oder prüfen Sie die Daten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Out of memory on %1 with batch size %2 at input size %3: use a smaller batch size or input size.</source>
        <translation>Kein Speicher mehr frei auf %1 bei Batchgröße %2 und Eingabegröße %3: Verwenden Sie eine kleinere Batchgröße oder Eingabegröße.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Out of memory on %1 with batch size %2 at input size %3: use a smaller batch size or input size (%4).</source>
        <translation>Kein Speicher mehr frei auf %1 bei Batchgröße %2 und Eingabegröße %3: Verwenden Sie eine kleinere Batchgröße oder Eingabegröße (%4).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No epoch ran: set at least one epoch.</source>
        <translation>Keine Epoche ist gelaufen: Stellen Sie mindestens eine Epoche ein.</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <location filename="../ui/train/training_session.cpp" line="+138"/>
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
    <message>
        <location line="+15"/>
        <source>A step of the stopped run took %1 images, which %2 processes cannot share evenly: continue it on a number of processes that divides %1.</source>
        <translation>Ein Schritt des gestoppten Laufs nahm %1 Bilder, die sich %2 Prozesse nicht gleichmäßig teilen können: setzen Sie ihn mit einer Anzahl von Prozessen fort, die %1 teilt.</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <location filename="../ui/train/training_settings.cpp" line="+93"/>
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
        <location line="+12"/>
        <source>Data-parallel training: this many processes on this computer share every step, each on its own part of the data and its own share of the cores (or its own GPU), their gradients averaged as PyTorch&apos;s DistributedDataParallel does. The batch size is per process. Runs on several processes cannot be paused.</source>
        <translation>Datenparalleles Training: so viele Prozesse auf diesem Computer teilen sich jeden Schritt, jeder mit seinem Teil der Daten und seinem Anteil der Kerne (oder seiner eigenen GPU); ihre Gradienten werden gemittelt wie bei PyTorchs DistributedDataParallel. Die Batchgröße gilt je Prozess. Läufe auf mehreren Prozessen lassen sich nicht anhalten.</translation>
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
        <location line="+135"/>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <location line="-134"/>
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
        <source>Processes:</source>
        <translation>Prozesse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs folder:</source>
        <translation>Ordner für Läufe:</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1 (not available)</source>
        <translation>%1 (nicht verfügbar)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The recommended settings for this mode are applied below.</source>
        <translation>Unten gelten jetzt die empfohlenen Einstellungen für diesen Modus.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stage 2 epochs:</source>
        <translation>Epochen Stufe 2:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source> (one GPU each)</source>
        <translation> (je eine GPU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> on this computer</source>
        <translation> auf diesem Computer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 × batch %2 = %3 images a step</source>
        <translation>%1 × Batch %2 = %3 Bilder je Schritt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Folder for training runs</source>
        <translation>Ordner für Trainingsläufe</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../ui/train/training_worker.cpp" line="+78"/>
        <source>Training stopped by an internal error: %1</source>
        <translation>Training durch einen internen Fehler beendet: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The learning-rate finder stopped by an internal error: %1</source>
        <translation>Die Lernratensuche wurde durch einen internen Fehler beendet: %1</translation>
    </message>
</context>
<context>
    <name>WeightMessage</name>
    <message>
        <location filename="../core/weights/weight_messages.h" line="+15"/>
        <source>Cannot read weights from %1: no such file. Check the path, or choose another .pth/.safetensors file.</source>
        <translation>Die Gewichte aus %1 lassen sich nicht lesen: Die Datei gibt es nicht. Prüfen Sie den Pfad oder wählen Sie eine andere .pth- oder .safetensors-Datei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read weights from %1: %2.</source>
        <translation>Die Gewichte aus %1 lassen sich nicht lesen: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is empty</source>
        <translation>Die Datei ist leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this is a Git LFS pointer, not the weights: fetch the real file with git lfs pull</source>
        <translation>Dies ist ein Git-LFS-Verweis, nicht die Gewichte: Holen Sie die echte Datei mit git lfs pull</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a weight file this program knows: expected a PyTorch .pth/.pt (saved with torch.save) or a .safetensors file</source>
        <translation>Dies ist keine Gewichtsdatei, die dieses Programm kennt: erwartet wird eine PyTorch-Datei .pth/.pt (mit torch.save gespeichert) oder eine .safetensors-Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this is a TorchScript model (torch.jit.save), not a state dict; in Python, load it and torch.save(model.state_dict(), path) instead</source>
        <translation>Dies ist ein TorchScript-Modell (torch.jit.save), kein State Dict; laden Sie es in Python und speichern Sie stattdessen torch.save(model.state_dict(), path)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file holds a single object, not a dict of tensors; save model.state_dict() instead</source>
        <translation>Die Datei enthält ein einzelnes Objekt, kein Dict von Tensoren; speichern Sie stattdessen model.state_dict()</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file holds no tensors (neither a state dict nor a checkpoint with &quot;state_dict&quot; or &quot;model&quot;)</source>
        <translation>Die Datei enthält keine Tensoren (weder ein State Dict noch einen Checkpoint mit „state_dict“ oder „model“)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file is too short to be a .safetensors file</source>
        <translation>Die Datei ist zu kurz für eine .safetensors-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the .safetensors header length (%1 bytes) exceeds the file or the 100 MB limit: the file is truncated or damaged</source>
        <translation>Die Länge des .safetensors-Kopfes (%1 Bytes) übersteigt die Datei oder die Grenze von 100 MB: Die Datei ist abgeschnitten oder beschädigt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the .safetensors header length (%1 bytes) exceeds the 100 MB limit: the file is damaged</source>
        <translation>Die Länge des .safetensors-Kopfes (%1 Bytes) übersteigt die Grenze von 100 MB: Die Datei ist beschädigt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the .safetensors header is not a JSON object: %1</source>
        <translation>Der .safetensors-Kopf ist kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the .safetensors file holds no tensors</source>
        <translation>Die .safetensors-Datei enthält keine Tensoren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The weights do not fit the model, so nothing was loaded. %1</source>
        <translation>Die Gewichte passen nicht zum Modell; es wurde nichts geladen. %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None of the file&apos;s tensors fit the model: these are weights for another architecture. %1</source>
        <translation>Keiner der Tensoren der Datei passt zum Modell: Dies sind Gewichte für eine andere Architektur. %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 model tensors match the file.</source>
        <translation>%1 von %2 Tensoren des Modells passen zur Datei.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing from the file (%1): %2</source>
        <translation>In der Datei fehlen (%1): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not in the file, optional, kept as initialised (%1): %2</source>
        <translation>Nicht in der Datei, optional, wie initialisiert behalten (%1): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the file but not in the model (%1): %2</source>
        <translation>In der Datei, aber nicht im Modell (%1): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Different shape (%1): %2</source>
        <translation>Andere Form (%1): %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, ... (%2 more)</source>
        <translation>%1, … (%2 weitere)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (model %2, file %3)</source>
        <translation>%1 (Modell %2, Datei %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot write %1: %2.</source>
        <translation>%1 lässt sich nicht schreiben: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the weights failed: %1</source>
        <translation>Das Laden der Gewichte ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+64"/>
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
