<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BackboneTableModel</name>
    <message>
        <location filename="../ui/models/backbone_table_model.cpp" line="+49"/>
        <source>Not in the cache. Expected file: %1</source>
        <translation>Nicht im Cache. Erwartete Datei: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not downloaded</source>
        <translation>nicht heruntergeladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in cache</source>
        <translation>im Cache</translation>
    </message>
    <message>
        <location line="+12"/>
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
    <name>ClassifyPage</name>
    <message>
        <location filename="../ui/classify/classify_page.cpp" line="+49"/>
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
        <location line="+1"/>
        <source>Download the official torchvision weights into the torch hub cache</source>
        <translation>Die offiziellen torchvision-Gewichte in den Torch-Hub-Cache herunterladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights:</source>
        <translation>Gewichte:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Image / class</source>
        <translation>Bild / Klasse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classify images…</source>
        <translation>Bilder klassifizieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 of %2 MiB</source>
        <translation>%1 von %2 MiB</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Weights saved to %1</source>
        <translation>Gewichte gespeichert unter %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Download cancelled</source>
        <translation>Herunterladen abgebrochen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Classified %1 image(s)</source>
        <translation>%1 Bild(er) klassifiziert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classification cancelled</source>
        <translation>Klassifizierung abgebrochen</translation>
    </message>
    <message>
        <location line="+34"/>
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
        <location line="+15"/>
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
        <location filename="../ui/classify/classify_worker.cpp" line="+83"/>
        <source>Classification stopped: %1</source>
        <translation>Klassifizierung angehalten: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="+31"/>
        <source>Transfer Studio</source>
        <translation>Transfer Studio</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>CPU · %1 threads</source>
        <translation>CPU · %1 Threads</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Classify Images…</source>
        <translation>Bilder &amp;klassifizieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose &amp;Weights File…</source>
        <translation>&amp;Gewichtsdatei wählen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh Weight Cache</source>
        <translation>Gewichts-Cache &amp;aktualisieren</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+45"/>
        <source>About Transfer Studio</source>
        <translation>Über Transfer Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Transfer Studio %1&lt;/h3&gt;&lt;p&gt;Interactive transfer learning on images: ImageNet backbones, point-and-click labelling, live training.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Transfer Studio %1&lt;/h3&gt;&lt;p&gt;Interaktives Transfer-Learning für Bilder: ImageNet-Backbones, Beschriften per Mausklick, Training live.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+33"/>
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
        <location line="+4"/>
        <source>Images to classify at start.</source>
        <translation>Beim Start zu klassifizierende Bilder.</translation>
    </message>
</context>
</TS>
