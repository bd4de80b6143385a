<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AudioPage</name>
    <message>
        <source>the bundled music</source>
        <translation>die mitgelieferte Musik</translation>
    </message>
    <message>
        <source>This file cannot be played ({problem}): the bundled track plays instead.</source>
        <translation>Diese Datei lässt sich nicht abspielen ({problem}): Stattdessen läuft die mitgelieferte Musik.</translation>
    </message>
    <message>
        <source>Music ({patterns})</source>
        <translation>Musik ({patterns})</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <source>No camera found on this PC</source>
        <translation>Keine Kamera an diesem PC gefunden</translation>
    </message>
    <message>
        <source>Cameras found</source>
        <translation>Gefundene Kameras</translation>
    </message>
    <message>
        <source>The live picture below comes from the running kiosk.</source>
        <translation>Das Livebild unten kommt vom laufenden Kiosk.</translation>
    </message>
</context>
<context>
    <name>CarsPage</name>
    <message>
        <source>Changes are kept with Apply or OK; the showroom shows them at once.</source>
        <translation>Änderungen werden mit Anwenden oder OK gespeichert; der Showroom zeigt sie sofort.</translation>
    </message>
    <message>
        <source>Add a car from a photo…</source>
        <translation>Fahrzeug aus Foto hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Replace the photo…</source>
        <translation>Foto ersetzen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tagline</source>
        <translation>Slogan</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Texts in</source>
        <translation>Texte auf</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>{language} (the catalogue&apos;s language)</source>
        <translation>{language} (Sprache des Katalogs)</translation>
    </message>
    <message>
        <source>label, e.g. Range</source>
        <translation>Bezeichnung, z. B. Reichweite</translation>
    </message>
    <message>
        <source>value, e.g. 510 km</source>
        <translation>Wert, z. B. 510 km</translation>
    </message>
    <message>
        <source>Cheerful</source>
        <translation>Heiter</translation>
    </message>
    <message>
        <source>A visitor who looks unhappy is shown a cheerful car next.</source>
        <translation>Wirkt ein Besucher unzufrieden, folgt ein heiteres Fahrzeug.</translation>
    </message>
    <message>
        <source>When a visitor looks unhappy at this car, show:</source>
        <translation>Wirkt ein Besucher bei diesem Fahrzeug unzufrieden, zeigen:</translation>
    </message>
    <message>
        <source>no price shown</source>
        <translation>kein Preis angezeigt</translation>
    </message>
    <message>
        <source>These are the cars that come with the kiosk. Add, change or remove cars and press Apply: they become your own catalogue, kept in {folder}.</source>
        <translation>Dies sind die mitgelieferten Fahrzeuge. Fahrzeuge hinzufügen, ändern oder entfernen und Anwenden drücken: Sie werden zu Ihrem eigenen Katalog, gespeichert in {folder}.</translation>
    </message>
    <message>
        <source>Your own catalogue, kept in {folder}.</source>
        <translation>Ihr eigener Katalog, gespeichert in {folder}.</translation>
    </message>
    <message>
        <source>The showroom shows the catalogue folder {other} (Showroom page). Changes made here are saved in {folder}, and the showroom then shows them instead.</source>
        <translation>Der Showroom zeigt den Katalogordner {other} (Seite Showroom). Änderungen hier werden in {folder} gespeichert, und der Showroom zeigt dann diese.</translation>
    </message>
    <message>
        <source>The cars are not saved:</source>
        <translation>Die Fahrzeuge sind nicht gespeichert:</translation>
    </message>
    <message>
        <source>This photo cannot be used: {problem}</source>
        <translation>Dieses Foto ist nicht verwendbar: {problem}</translation>
    </message>
    <message>
        <source>No cars yet: add one from a photo.</source>
        <translation>Noch keine Fahrzeuge: eines aus einem Foto hinzufügen.</translation>
    </message>
    <message>
        <source>Automatic: a cheerful car, else the next one</source>
        <translation>Automatisch: heiteres, sonst nächstes</translation>
    </message>
    <message>
        <source>A photo of the car</source>
        <translation>Ein Foto des Fahrzeugs</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Fotos ({patterns})</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <source>The kiosk stopped after {crashes} crashes within {seconds} seconds and will not restart by itself. Please call your service contact. Details are in the log in {folder}.</source>
        <translation>Der Kiosk wurde nach {crashes} Abstürzen innerhalb von {seconds} Sekunden angehalten und startet nicht von selbst neu. Bitte wenden Sie sich an Ihren Servicekontakt. Details stehen im Protokoll in {folder}.</translation>
    </message>
    <message>
        <source>Emotion Kiosk stopped</source>
        <translation>Emotion Kiosk angehalten</translation>
    </message>
</context>
<context>
    <name>DetectionPage</name>
    <message>
        <source>The bar shows the visitor in front of the camera now, against the levels below.</source>
        <translation>Der Balken zeigt den Besucher, der gerade vor der Kamera steht, gemessen an den Schwellen unten.</translation>
    </message>
    <message>
        <source>How the reaction is worked out, in detail: the defaults suit most showrooms.</source>
        <translation>Wie die Reaktion im Einzelnen ermittelt wird: Die Standardwerte passen für die meisten Showrooms.</translation>
    </message>
    <message>
        <source>Staff zone: drag a rectangle on the picture around where staff stand.</source>
        <translation>Personalbereich: Ziehen Sie im Bild ein Rechteck um den Platz des Personals.</translation>
    </message>
    <message>
        <source>Clear the staff zone</source>
        <translation>Personalbereich löschen</translation>
    </message>
    <message>
        <source>Staff zone</source>
        <translation>Personalbereich</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Erweiterte Einstellungen</translation>
    </message>
</context>
<context>
    <name>Emotion</name>
    <message>
        <source>angry</source>
        <translation>verärgert</translation>
    </message>
    <message>
        <source>disgust</source>
        <translation>angewidert</translation>
    </message>
    <message>
        <source>fear</source>
        <translation>ängstlich</translation>
    </message>
    <message>
        <source>happy</source>
        <translation>fröhlich</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>traurig</translation>
    </message>
    <message>
        <source>surprise</source>
        <translation>überrascht</translation>
    </message>
</context>
<context>
    <name>EmotionHud</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demo-Modus</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Keine Kamera</translation>
    </message>
    <message>
        <source>Negative, last seconds</source>
        <translation>Negativ, gerade eben</translation>
    </message>
    <message>
        <source>resting face</source>
        <translation>Ruhegesicht</translation>
    </message>
    <message>
        <source>showroom reacts</source>
        <translation>Showroom reagiert</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Mimik</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Verbinde neu</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>nicht analysiert</translation>
    </message>
    <message>
        <source>Seen now, {percent} sure</source>
        <translation>Jetzt erkannt, {percent} sicher</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Analysis paused</source>
        <translation>Analyse pausiert</translation>
    </message>
    <message>
        <source>Back in a moment</source>
        <translation>Gleich wieder da</translation>
    </message>
    <message>
        <source>Analysis off</source>
        <translation>Analyse aus</translation>
    </message>
    <message>
        <source>No emotion model loaded</source>
        <translation>Kein Emotionsmodell geladen</translation>
    </message>
    <message>
        <source>No visitor</source>
        <translation>Kein Besucher</translation>
    </message>
    <message>
        <source>Waiting for someone to look</source>
        <translation>Wartet auf einen Blick</translation>
    </message>
    <message>
        <source>learning…</source>
        <translation>lernt…</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>The central store&apos;s password is never kept here: store it in this PC&apos;s keyring with `emotion-kiosk fleet password`, or in the PostgreSQL password file (see the README).</source>
        <translation>Das Passwort der Zentraldatenbank wird nie hier gespeichert: Legen Sie es mit `emotion-kiosk fleet password` im Schlüsselbund dieses PCs ab, oder in der PostgreSQL-Passwortdatei (siehe README).</translation>
    </message>
    <message>
        <source>This kiosk&apos;s id in the fleet</source>
        <translation>ID dieses Kiosks im Verbund</translation>
    </message>
    <message>
        <source>Made once on this PC: the central store tells kiosks apart by it, not by their names.</source>
        <translation>Einmal auf diesem PC erzeugt: Die Zentraldatenbank unterscheidet die Kioske daran, nicht an ihren Namen.</translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <source>Which expressions count as unhappy; together they make the negative level.</source>
        <translation>Welche Ausdrücke als unzufrieden gelten; zusammen ergeben sie den Negativwert.</translation>
    </message>
    <message>
        <source>How negative the visitor must look before the car changes.</source>
        <translation>Wie negativ der Besucher wirken muss, bevor das Fahrzeug wechselt.</translation>
    </message>
    <message>
        <source>The visitor must calm down below this before the car can change again.</source>
        <translation>Der Besucher muss sich bis unter diesen Wert beruhigen, bevor das Fahrzeug erneut wechseln kann.</translation>
    </message>
    <message>
        <source>Evens out flicker: more seconds react more calmly, but later.</source>
        <translation>Gleicht Schwankungen aus: Mehr Sekunden reagieren ruhiger, aber später.</translation>
    </message>
    <message>
        <source>How long the visitor must stay above the trigger level before the car changes.</source>
        <translation>Wie lange der Besucher über der Auslöseschwelle bleiben muss, bevor das Fahrzeug wechselt.</translation>
    </message>
    <message>
        <source>The shortest time between two car changes (and two plays of the music).</source>
        <translation>Die kürzeste Zeit zwischen zwei Fahrzeugwechseln (und zwei Musikeinsätzen).</translation>
    </message>
    <message>
        <source>Some faces look serious at rest: react to a change from each visitor&apos;s own face.</source>
        <translation>Manche Gesichter wirken in Ruhe ernst: Reagiert wird auf Abweichungen vom eigenen Gesicht des Besuchers.</translation>
    </message>
    <message>
        <source>How long a new visitor is watched to learn their resting face; no reaction meanwhile.</source>
        <translation>Wie lange ein neuer Besucher beobachtet wird, um sein Ruhegesicht zu lernen; so lange keine Reaktion.</translation>
    </message>
    <message>
        <source>How far above their resting face a visitor must go before it counts.</source>
        <translation>Wie weit ein Besucher über sein Ruhegesicht hinausgehen muss, damit es zählt.</translation>
    </message>
    <message>
        <source>Expressions that flash by as people talk (such as fear): count less, only if they last.</source>
        <translation>Ausdrücke, die beim Sprechen kurz aufblitzen (etwa Angst): zählen weniger und nur, wenn sie anhalten.</translation>
    </message>
    <message>
        <source>How much a fleeting expression counts compared with a clear one (100 % = the same).</source>
        <translation>Wie viel ein flüchtiger Ausdruck im Vergleich zu einem deutlichen zählt (100 % = gleich viel).</translation>
    </message>
    <message>
        <source>A fleeting expression counts as its average over this many seconds.</source>
        <translation>Ein flüchtiger Ausdruck zählt mit seinem Mittelwert über so viele Sekunden.</translation>
    </message>
    <message>
        <source>Smaller faces (people farther away, passing at the back) are not analysed.</source>
        <translation>Kleinere Gesichter (weiter entfernte Personen, die hinten vorbeigehen) werden nicht analysiert.</translation>
    </message>
    <message>
        <source>Where the staff zone starts, from the picture&apos;s left edge.</source>
        <translation>Wo der Personalbereich beginnt, vom linken Bildrand aus.</translation>
    </message>
    <message>
        <source>Where the staff zone starts, from the picture&apos;s top edge.</source>
        <translation>Wo der Personalbereich beginnt, vom oberen Bildrand aus.</translation>
    </message>
    <message>
        <source>How wide the staff zone is (0 % = no staff zone).</source>
        <translation>Wie breit der Personalbereich ist (0 % = kein Personalbereich).</translation>
    </message>
    <message>
        <source>How tall the staff zone is (0 % = no staff zone).</source>
        <translation>Wie hoch der Personalbereich ist (0 % = kein Personalbereich).</translation>
    </message>
    <message>
        <source>Which camera to use when several are plugged in (0 = the first).</source>
        <translation>Welche Kamera genutzt wird, wenn mehrere angeschlossen sind (0 = die erste).</translation>
    </message>
    <message>
        <source>How the camera is opened; leave on auto unless the camera is not found.</source>
        <translation>Wie die Kamera geöffnet wird; auf auto lassen, außer die Kamera wird nicht gefunden.</translation>
    </message>
    <message>
        <source>The picture size asked of the camera; auto keeps the camera&apos;s own.</source>
        <translation>Die von der Kamera verlangte Bildgröße; auto behält die der Kamera.</translation>
    </message>
    <message>
        <source>Another folder of cars to show (a shared one, say); empty shows the cars of the Cars page.</source>
        <translation>Ein anderer Fahrzeugordner (etwa ein gemeinsamer); leer zeigt die Fahrzeuge der Seite Fahrzeuge.</translation>
    </message>
    <message>
        <source>Show the next car after this long while nobody is in front of the screen.</source>
        <translation>Nach dieser Zeit das nächste Fahrzeug zeigen, solange niemand vor dem Bildschirm steht.</translation>
    </message>
    <message>
        <source>How long one car takes to fade into the next.</source>
        <translation>Wie lange der Übergang zum nächsten Fahrzeug dauert.</translation>
    </message>
    <message>
        <source>Empty plays the music that comes with the kiosk.</source>
        <translation>Leer spielt die mitgelieferte Musik.</translation>
    </message>
    <message>
        <source>How long the music takes to rise to its volume.</source>
        <translation>Wie lange die Musik braucht, um ihre Lautstärke zu erreichen.</translation>
    </message>
    <message>
        <source>How long the music takes to fade away at its end.</source>
        <translation>Wie lange die Musik am Ende ausklingt.</translation>
    </message>
    <message>
        <source>The IT department&apos;s monitoring asks this PC&apos;s port for /health and /metrics.</source>
        <translation>Die Überwachung der IT fragt diesen Port des PCs nach /health und /metrics ab.</translation>
    </message>
    <message>
        <source>Off: only programs on this PC can ask. On: the showroom network can too.</source>
        <translation>Aus: nur Programme auf diesem PC dürfen fragen. An: auch das Showroom-Netzwerk.</translation>
    </message>
    <message>
        <source>Report a problem when the camera or the analysis has been silent this long.</source>
        <translation>Ein Problem melden, wenn Kamera oder Analyse so lange nichts geliefert haben.</translation>
    </message>
    <message>
        <source>Send each car&apos;s hourly figures (never pictures or single visits) to head office.</source>
        <translation>Stündliche Zahlen je Fahrzeug (nie Bilder oder einzelne Besuche) an die Zentrale senden.</translation>
    </message>
    <message>
        <source>For example host=db.example.com dbname=showrooms user=kiosk (ask IT).</source>
        <translation>Zum Beispiel host=db.example.com dbname=showrooms user=kiosk (IT fragen).</translation>
    </message>
    <message>
        <source>How this showroom is named in the group&apos;s reports.</source>
        <translation>So heißt dieser Showroom in den Berichten der Gruppe.</translation>
    </message>
    <message>
        <source>The mouse pointer disappears after a few seconds without movement.</source>
        <translation>Der Mauszeiger verschwindet nach einigen Sekunden ohne Bewegung.</translation>
    </message>
    <message>
        <source>For example 08:00-20:00: outside these hours the screen may sleep. Empty keeps it on always.</source>
        <translation>Zum Beispiel 08:00-20:00: Außerhalb dieser Zeit darf der Bildschirm ruhen. Leer: immer an.</translation>
    </message>
    <message>
        <source>The language of the showroom and of these settings; automatic follows the PC&apos;s language.</source>
        <translation>Die Sprache des Showrooms und dieser Einstellungen; automatisch folgt der Sprache des PCs.</translation>
    </message>
</context>
<context>
    <name>KioskApp</name>
    <message>
        <source>the showroom runs; reactions wait in memory and are written once there is room</source>
        <translation>der Showroom läuft; Reaktionen warten im Speicher und werden geschrieben, sobald wieder Platz ist</translation>
    </message>
    <message>
        <source>the showroom runs, but settings are not saved and reactions are not recorded</source>
        <translation>der Showroom läuft, aber Einstellungen und Reaktionen werden nicht gespeichert</translation>
    </message>
    <message>
        <source>The kiosk is already running ({holder}) with the data folder {folder}. Only one kiosk can run at a time; this one exits.</source>
        <translation>Der Kiosk läuft bereits ({holder}) mit dem Datenordner {folder}. Es kann nur ein Kiosk gleichzeitig laufen; dieser wird beendet.</translation>
    </message>
</context>
<context>
    <name>KioskPage</name>
    <message>
        <source>The primary screen</source>
        <translation>Der Hauptbildschirm</translation>
    </message>
    <message>
        <source>Empty: the standard notice in that language.</source>
        <translation>Leer: der Standardhinweis in dieser Sprache.</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>PIN ändern…</translation>
    </message>
    <message>
        <source>Forgotten PIN: stop the kiosk and, on this PC, run `{command}` in a terminal (or `{folder_command}` in the kiosk&apos;s folder). The kiosk then asks for a new PIN.</source>
        <translation>PIN vergessen: Beenden Sie den Kiosk und führen Sie auf diesem PC `{command}` in einem Terminal aus (oder `{folder_command}` im Ordner des Kiosks). Der Kiosk fragt dann nach einer neuen PIN.</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>Kiosk beenden</translation>
    </message>
    <message>
        <source>{screen} (not connected)</source>
        <translation>{screen} (nicht angeschlossen)</translation>
    </message>
    <message>
        <source>New PIN chosen: press Apply or OK to keep it.</source>
        <translation>Neue PIN gewählt: Anwenden oder OK drücken, um sie zu behalten.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Showroom</source>
        <translation>Showroom</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>waiting for the camera…</source>
        <translation>warte auf die Kamera…</translation>
    </message>
    <message>
        <source>nobody in front of the camera</source>
        <translation>niemand vor der Kamera</translation>
    </message>
    <message>
        <source>learning the resting face…</source>
        <translation>lerne das Ruhegesicht…</translation>
    </message>
    <message>
        <source>{percent} now</source>
        <translation>jetzt {percent}</translation>
    </message>
    <message>
        <source>Negative reaction (live)</source>
        <translation>Negative Reaktion (live)</translation>
    </message>
    <message>
        <source>trigger {percent}</source>
        <translation>Auslöser {percent}</translation>
    </message>
    <message>
        <source>release {percent}</source>
        <translation>Rückstellung {percent}</translation>
    </message>
    <message>
        <source>resting</source>
        <translation>Ruhe</translation>
    </message>
</context>
<context>
    <name>MusicPreview</name>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>No audio output found on this PC: connect speakers, then press Play again.</source>
        <translation>Keine Audioausgabe an diesem PC gefunden: Lautsprecher anschließen und erneut Abspielen drücken.</translation>
    </message>
    <message>
        <source>Playing {name} at {volume} % volume.</source>
        <translation>{name} wird mit {volume} % Lautstärke abgespielt.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Could not play: {problem}</source>
        <translation>Wiedergabe nicht möglich: {problem}</translation>
    </message>
    <message>
        <source>The chosen music cannot be played ({problem}); the bundled track plays instead.</source>
        <translation>Die gewählte Musik lässt sich nicht abspielen ({problem}); stattdessen läuft die mitgelieferte Musik.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>The stored operator PIN is damaged, so no PIN can match it. Stop the kiosk and, on this PC, run `{command}` in a terminal (or `{folder_command}` in the kiosk&apos;s folder) to clear it; the kiosk then asks for a new PIN.</source>
        <translation>Die gespeicherte Bediener-PIN ist beschädigt, daher passt keine PIN. Beenden Sie den Kiosk und führen Sie auf diesem PC `{command}` in einem Terminal aus (oder `{folder_command}` im Ordner des Kiosks), um sie zu löschen; der Kiosk fragt dann nach einer neuen PIN.</translation>
    </message>
    <message>
        <source>Operator PIN</source>
        <translation>Bediener-PIN</translation>
    </message>
    <message>
        <source>Enter the PIN to open the settings</source>
        <translation>PIN eingeben, um die Einstellungen zu öffnen</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Kiosk beenden</translation>
    </message>
    <message>
        <source>Enter the PIN to close the kiosk</source>
        <translation>PIN eingeben, um den Kiosk zu beenden</translation>
    </message>
    <message>
        <source>New operator PIN</source>
        <translation>Neue Bediener-PIN</translation>
    </message>
    <message>
        <source>Choose the new operator PIN ({min}–{max} digits)</source>
        <translation>Neue Bediener-PIN wählen ({min}–{max} Ziffern)</translation>
    </message>
    <message>
        <source>Choose an operator PIN ({min}–{max} digits). It protects the settings and closing the kiosk.</source>
        <translation>Bediener-PIN wählen ({min}–{max} Ziffern). Sie schützt die Einstellungen und das Beenden des Kiosks.</translation>
    </message>
    <message>
        <source>Create operator PIN</source>
        <translation>Bediener-PIN anlegen</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Neue PIN wiederholen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Not checked: after several wrong PINs the kiosk waits {time} before it checks the next one.</source>
        <translation>Nicht geprüft: Nach mehreren falschen PINs wartet der Kiosk {time}, bevor er die nächste prüft.</translation>
    </message>
    <message>
        <source>The PIN must have {min} to {max} digits.</source>
        <translation>Die PIN muss {min} bis {max} Ziffern haben.</translation>
    </message>
    <message>
        <source>The two PINs differ. Please type it again.</source>
        <translation>Die beiden PINs sind verschieden. Bitte erneut eingeben.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in {time}.</source>
        <translation>Falsche PIN. Neuer Versuch in {time}.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Sie können es jetzt erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>No operator PIN yet</source>
        <translation>Noch keine Bediener-PIN</translation>
    </message>
    <message>
        <source>No camera: the demo clip plays</source>
        <translation>Keine Kamera: der Demo-Clip läuft</translation>
    </message>
    <message>
        <source>No camera and no demo clip</source>
        <translation>Keine Kamera und kein Demo-Clip</translation>
    </message>
    <message>
        <source>The camera is lost</source>
        <translation>Die Kamera ist ausgefallen</translation>
    </message>
    <message>
        <source>The video cannot be played</source>
        <translation>Das Video lässt sich nicht abspielen</translation>
    </message>
    <message>
        <source>Expression analysis is off</source>
        <translation>Die Mimikanalyse ist aus</translation>
    </message>
    <message>
        <source>Expression analysis is failing</source>
        <translation>Die Mimikanalyse schlägt fehl</translation>
    </message>
    <message>
        <source>Reactions are not being recorded</source>
        <translation>Reaktionen werden gerade nicht gespeichert</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Der Datenträger ist voll</translation>
    </message>
    <message>
        <source>The data folder cannot be written</source>
        <translation>In den Datenordner kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The central store does not take this kiosk&apos;s figures</source>
        <translation>Die Zentraldatenbank nimmt die Zahlen dieses Kiosks nicht an</translation>
    </message>
    <message>
        <source>Another kiosk uses this kiosk&apos;s name in the fleet</source>
        <translation>Ein anderer Kiosk verwendet im Verbund den Namen dieses Kiosks</translation>
    </message>
    <message>
        <source>The settings cannot be saved</source>
        <translation>Die Einstellungen lassen sich nicht speichern</translation>
    </message>
    <message>
        <source>Some settings were not valid</source>
        <translation>Einige Einstellungen waren ungültig</translation>
    </message>
    <message>
        <source>A car cannot be shown as it was set up</source>
        <translation>Ein Fahrzeug kann nicht wie eingerichtet gezeigt werden</translation>
    </message>
    <message>
        <source>The music cannot be played</source>
        <translation>Die Musik lässt sich nicht abspielen</translation>
    </message>
    <message>
        <source>Health and metrics are not served</source>
        <translation>Status und Metriken werden nicht bereitgestellt</translation>
    </message>
    <message>
        <source>The stored operator PIN is damaged</source>
        <translation>Die gespeicherte Bediener-PIN ist beschädigt</translation>
    </message>
    <message>
        <source>The screen may blank</source>
        <translation>Der Bildschirm kann dunkel werden</translation>
    </message>
    <message>
        <source>The reaction database was deleted and started anew</source>
        <translation>Die Reaktionsdatenbank wurde gelöscht und neu angelegt</translation>
    </message>
    <message>
        <source>A damaged reaction database was set aside</source>
        <translation>Eine beschädigte Reaktionsdatenbank wurde beiseitegelegt</translation>
    </message>
    <message>
        <source>Choose the PIN on the set-up screen, or run `emotion-kiosk set-pin` on this PC.</source>
        <translation>Wählen Sie die PIN auf dem Einrichtungsbildschirm, oder führen Sie `emotion-kiosk set-pin` auf diesem PC aus.</translation>
    </message>
    <message>
        <source>Connect the camera, or check its number on the Camera page. The kiosk switches to it by itself.</source>
        <translation>Schließen Sie die Kamera an oder prüfen Sie ihre Nummer auf der Seite Kamera. Der Kiosk wechselt von selbst zu ihr.</translation>
    </message>
    <message>
        <source>Connect the camera; the kiosk keeps looking for it.</source>
        <translation>Schließen Sie die Kamera an; der Kiosk sucht weiter nach ihr.</translation>
    </message>
    <message>
        <source>Check the camera&apos;s cable and power; the kiosk reconnects by itself.</source>
        <translation>Prüfen Sie Kabel und Stromversorgung der Kamera; der Kiosk verbindet sich von selbst neu.</translation>
    </message>
    <message>
        <source>Check the video file the kiosk was started with.</source>
        <translation>Prüfen Sie die Videodatei, mit der der Kiosk gestartet wurde.</translation>
    </message>
    <message>
        <source>Reinstall the kiosk, or check the model file named in the details.</source>
        <translation>Installieren Sie den Kiosk neu, oder prüfen Sie die in den Details genannte Modelldatei.</translation>
    </message>
    <message>
        <source>Restart the kiosk; if this stays, send the log to your service contact.</source>
        <translation>Starten Sie den Kiosk neu; bleibt es so, senden Sie das Protokoll an Ihren Servicekontakt.</translation>
    </message>
    <message>
        <source>Recording is retried by itself and nothing waiting is lost while the kiosk runs; the details say what stands in the way.</source>
        <translation>Das Speichern wird von selbst wiederholt, und nichts Wartendes geht verloren, solange der Kiosk läuft; die Details sagen, was im Weg steht.</translation>
    </message>
    <message>
        <source>Free some space on this disk. Reactions wait in memory and are written once there is room.</source>
        <translation>Schaffen Sie Platz auf diesem Datenträger. Reaktionen warten im Speicher und werden geschrieben, sobald wieder Platz ist.</translation>
    </message>
    <message>
        <source>Make the data folder writable for the kiosk&apos;s user, then restart the kiosk.</source>
        <translation>Machen Sie den Datenordner für den Benutzer des Kiosks beschreibbar und starten Sie den Kiosk neu.</translation>
    </message>
    <message>
        <source>The figures wait in this kiosk and are sent once the central store takes them. {cause}</source>
        <translation>Die Zahlen warten in diesem Kiosk und werden gesendet, sobald die Zentraldatenbank sie annimmt. {cause}</translation>
    </message>
    <message>
        <source>Each kiosk keeps its own figures, but reports name both alike: give this one a name of its own on the Fleet &amp; monitoring page.</source>
        <translation>Jeder Kiosk behält seine eigenen Zahlen, aber Berichte nennen beide gleich: Geben Sie diesem auf der Seite Verbund &amp; Überwachung einen eigenen Namen.</translation>
    </message>
    <message>
        <source>Changes apply until the kiosk restarts. Make the settings file writable to keep them.</source>
        <translation>Änderungen gelten bis zum Neustart des Kiosks. Machen Sie die Einstellungsdatei beschreibbar, um sie zu behalten.</translation>
    </message>
    <message>
        <source>The kiosk uses the defaults for them: correct them in the settings and save.</source>
        <translation>Der Kiosk verwendet für sie die Standardwerte: Korrigieren Sie sie in den Einstellungen und speichern Sie.</translation>
    </message>
    <message>
        <source>Fix the car on the Cars page, or in the catalogue folder.</source>
        <translation>Korrigieren Sie das Fahrzeug auf der Seite Fahrzeuge oder im Katalogordner.</translation>
    </message>
    <message>
        <source>Check the speakers, and the music file on the Audio page.</source>
        <translation>Prüfen Sie die Lautsprecher und die Musikdatei auf der Seite Audio.</translation>
    </message>
    <message>
        <source>Another program uses the port: choose another one on the Fleet &amp; monitoring page.</source>
        <translation>Ein anderes Programm belegt den Port: Wählen Sie auf der Seite Verbund &amp; Überwachung einen anderen.</translation>
    </message>
    <message>
        <source>Check the fleet user and password (Fleet &amp; monitoring page).</source>
        <translation>Prüfen Sie Benutzer und Passwort des Verbunds (Seite Verbund &amp; Überwachung).</translation>
    </message>
    <message>
        <source>Complete the settings on the Fleet &amp; monitoring page.</source>
        <translation>Vervollständigen Sie die Einstellungen auf der Seite Verbund &amp; Überwachung.</translation>
    </message>
    <message>
        <source>Stop the kiosk and run `emotion-kiosk reset-pin` on this PC, then set a new PIN.</source>
        <translation>Beenden Sie den Kiosk, führen Sie `emotion-kiosk reset-pin` auf diesem PC aus und legen Sie dann eine neue PIN fest.</translation>
    </message>
    <message>
        <source>Turn off the screensaver and the display&apos;s power saving in the desktop&apos;s settings.</source>
        <translation>Schalten Sie Bildschirmschoner und Energiesparen des Bildschirms in den Einstellungen des Desktops aus.</translation>
    </message>
    <message>
        <source>Reactions recorded before that are gone; recording goes on in the new file.</source>
        <translation>Davor gespeicherte Reaktionen sind verloren; gespeichert wird in der neuen Datei weiter.</translation>
    </message>
    <message>
        <source>The old file is kept beside the new one (see the details); recording goes on.</source>
        <translation>Die alte Datei liegt neben der neuen (siehe Details); gespeichert wird weiter.</translation>
    </message>
    <message>
        <source>Check the network and the server&apos;s address.</source>
        <translation>Prüfen Sie das Netzwerk und die Adresse des Servers.</translation>
    </message>
    <message>
        <source>The central store is newer than this kiosk: update the kiosk.</source>
        <translation>Die Zentraldatenbank ist neuer als dieser Kiosk: Aktualisieren Sie den Kiosk.</translation>
    </message>
    <message>
        <source>Give the fleet&apos;s database role the rights the README lists.</source>
        <translation>Geben Sie der Datenbankrolle des Verbunds die Rechte, die das README nennt.</translation>
    </message>
</context>
<context>
    <name>ReactionRecords</name>
    <message>
        <source>The reaction database {file} could not be read. It was kept as {copy} in {folder}, and a new, empty database was started: reactions are recorded again.</source>
        <translation>Die Reaktionsdatenbank {file} war nicht lesbar. Sie wurde als {copy} in {folder} aufbewahrt und eine neue, leere Datenbank angelegt: Reaktionen werden wieder gespeichert.</translation>
    </message>
    <message>
        <source>The reaction database {file} is read-only (or its folder is): reactions are not recorded this session. `python -m kiosk report` can still read it.</source>
        <translation>Die Reaktionsdatenbank {file} ist schreibgeschützt (oder ihr Ordner): In dieser Sitzung werden keine Reaktionen gespeichert. `python -m kiosk report` kann sie weiterhin lesen.</translation>
    </message>
    <message>
        <source>Reactions are not recorded: {file} cannot be opened (details in the log).</source>
        <translation>Reaktionen werden nicht gespeichert: {file} lässt sich nicht öffnen (Details im Protokoll).</translation>
    </message>
</context>
<context>
    <name>ReactionsPage</name>
    <message>
        <source>Car</source>
        <translation>Fahrzeug</translation>
    </message>
    <message>
        <source>Exposures</source>
        <translation>Einblendungen</translation>
    </message>
    <message>
        <source>Visitor time</source>
        <translation>Besucherzeit</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>Reaction switches</source>
        <translation>Wechsel</translation>
    </message>
    <message>
        <source>Uplift success</source>
        <translation>Musikerfolg</translation>
    </message>
    <message>
        <source>The car, by the name the showroom shows.</source>
        <translation>Das Fahrzeug, mit dem Namen, den der Showroom zeigt.</translation>
    </message>
    <message>
        <source>How many times the car was shown.</source>
        <translation>Wie oft das Fahrzeug gezeigt wurde.</translation>
    </message>
    <message>
        <source>How long visitors watched it (min:s).</source>
        <translation>Wie lange Besucher es ansahen (min:s).</translation>
    </message>
    <message>
        <source>Share of that time visitors looked happy or surprised.</source>
        <translation>Anteil dieser Zeit, in dem Besucher fröhlich oder überrascht wirkten.</translation>
    </message>
    <message>
        <source>Share of that time visitors looked angry, disgusted, afraid or sad.</source>
        <translation>Anteil dieser Zeit, in dem Besucher verärgert, angewidert, ängstlich oder traurig wirkten.</translation>
    </message>
    <message>
        <source>How often the car was changed because the visitor looked unhappy.</source>
        <translation>Wie oft das Fahrzeug wechselte, weil der Besucher unzufrieden wirkte.</translation>
    </message>
    <message>
        <source>After the music played: how often the visitor looked less unhappy 10 s later.</source>
        <translation>Nach der Musik: wie oft der Besucher 10 s später weniger unzufrieden wirkte.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Positive&lt;/b&gt; and &lt;b&gt;Negative&lt;/b&gt; need not add up to 100 %: the rest of the time visitors looked neutral. &lt;b&gt;Uplift success&lt;/b&gt; shows – when no music played while that car was shown (music off, or nobody looked unhappy enough). &lt;b&gt;Reaction switches&lt;/b&gt;: the car changed because the visitor looked unhappy. Hover over a column title for more.</source>
        <translation>&lt;b&gt;Positiv&lt;/b&gt; und &lt;b&gt;Negativ&lt;/b&gt; ergeben nicht unbedingt 100 %: Den Rest der Zeit wirkten die Besucher neutral. &lt;b&gt;Musikerfolg&lt;/b&gt; zeigt –, wenn keine Musik lief, während das Fahrzeug gezeigt wurde (Musik aus, oder niemand wirkte unzufrieden genug). &lt;b&gt;Wechsel&lt;/b&gt;: Das Fahrzeug wechselte, weil der Besucher unzufrieden wirkte. Mehr erfahren Sie, wenn Sie die Maus über einen Spaltentitel halten.</translation>
    </message>
    <message>
        <source>Only per-showing totals are kept: no images, no faces, nothing that identifies a visitor.</source>
        <translation>Gespeichert werden nur Summen je Einblendung: keine Bilder, keine Gesichter, nichts, was einen Besucher erkennbar macht.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>Das Startdatum liegt nach dem Enddatum.</translation>
    </message>
    <message>
        <source>Could not read the reaction database: {error}</source>
        <translation>Die Reaktionsdatenbank konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Could not write {file}: {error}</source>
        <translation>{file} konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n cars to {file}</source>
        <translation>
            <numerusform>%n Fahrzeug nach {file} exportiert</numerusform>
            <numerusform>%n Fahrzeuge nach {file} exportiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> days</source>
        <comment>after the number of days to keep reactions</comment>
        <translation>
            <numerusform> Tag</numerusform>
            <numerusform> Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>{exposures} of {cars}, {time} (min:s) of visitor time.</source>
        <translation>{exposures} von {cars}, {time} (min:s) Besucherzeit.</translation>
    </message>
    <message numerus="yes">
        <source>%n exposures</source>
        <comment>the first count of: 3 exposures of 2 cars</comment>
        <translation>
            <numerusform>%n Einblendung</numerusform>
            <numerusform>%n Einblendungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cars</source>
        <comment>the second count, after &apos;of&apos;: 3 exposures of 2 cars</comment>
        <translation>
            <numerusform>%n Fahrzeug</numerusform>
            <numerusform>%n Fahrzeugen</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Erase all…</source>
        <translation>Alles löschen…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Keep reactions for</source>
        <translation>Reaktionen aufbewahren für</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reaktionen</translation>
    </message>
    <message>
        <source>Export reactions</source>
        <translation>Reaktionen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Erase all reactions</source>
        <translation>Alle Reaktionen löschen</translation>
    </message>
    <message>
        <source>Delete every recorded exposure, for all cars and dates? This cannot be undone.</source>
        <translation>Alle gespeicherten Einblendungen löschen, für alle Fahrzeuge und Tage? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Could not erase the reactions: {error}</source>
        <translation>Die Reaktionen konnten nicht gelöscht werden: {error}</translation>
    </message>
    <message>
        <source>Exposures erased: {count}.</source>
        <translation>Gelöschte Einblendungen: {count}.</translation>
    </message>
    <message>
        <source>No exposures recorded from {since} to {until}.</source>
        <translation>Keine Einblendungen vom {since} bis {until} gespeichert.</translation>
    </message>
</context>
<context>
    <name>Runtime</name>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>the data folder {folder} cannot be created ({why})</source>
        <translation>der Datenordner {folder} lässt sich nicht anlegen ({why})</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>no permission</source>
        <translation>keine Berechtigung</translation>
    </message>
    <message>
        <source>the disk holding the data folder {folder} is full</source>
        <translation>der Datenträger mit dem Datenordner {folder} ist voll</translation>
    </message>
    <message>
        <source>the data folder {folder} is read-only</source>
        <translation>der Datenordner {folder} ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the data folder {folder} is read-only for this user: no permission to write in it</source>
        <translation>der Datenordner {folder} ist für diesen Benutzer schreibgeschützt: keine Berechtigung, darin zu schreiben</translation>
    </message>
    <message>
        <source>the data folder {folder} cannot be written ({why})</source>
        <translation>in den Datenordner {folder} kann nicht geschrieben werden ({why})</translation>
    </message>
    <message>
        <source>the lock file {file} cannot be created</source>
        <translation>die Sperrdatei {file} lässt sich nicht anlegen</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>Prozess {pid} auf {host}</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>ein anderer Prozess</translation>
    </message>
</context>
<context>
    <name>Scene</name>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>This screen estimates facial expressions on this device only, to adapt what it shows. No images are stored or sent.</source>
        <translation>Dieser Bildschirm erkennt Gesichtsausdrücke nur auf diesem Gerät, um seine Anzeige anzupassen. Es werden keine Bilder gespeichert oder übertragen.</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>Automatisch (Systemsprache)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Capture backend</source>
        <translation>Aufnahmeschnittstelle</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <source>Show the camera preview on screen</source>
        <translation>Kamerabild auf dem Bildschirm zeigen</translation>
    </message>
    <message>
        <source>Negative expressions</source>
        <translation>Negative Ausdrücke</translation>
    </message>
    <message>
        <source>Trigger level</source>
        <translation>Auslöseschwelle</translation>
    </message>
    <message>
        <source>Release level</source>
        <translation>Rückstellschwelle</translation>
    </message>
    <message>
        <source>Smoothing (s)</source>
        <translation>Glättung (s)</translation>
    </message>
    <message>
        <source>Dwell above trigger (s)</source>
        <translation>Dauer über Auslöseschwelle (s)</translation>
    </message>
    <message>
        <source>Cooldown (s)</source>
        <translation>Pause danach (s)</translation>
    </message>
    <message>
        <source>Learn each visitor&apos;s resting face before reacting</source>
        <translation>Erst das Ruhegesicht jedes Besuchers lernen</translation>
    </message>
    <message>
        <source>Resting face learnt over (s)</source>
        <translation>Ruhegesicht lernen über (s)</translation>
    </message>
    <message>
        <source>React only this far above the resting face</source>
        <translation>Abstand zum Ruhegesicht</translation>
    </message>
    <message>
        <source>Fleeting expressions (speech): counted lower, held longer</source>
        <translation>Flüchtige Ausdrücke (beim Sprechen)</translation>
    </message>
    <message>
        <source>Fleeting expressions count</source>
        <translation>Gewicht flüchtiger Ausdrücke</translation>
    </message>
    <message>
        <source>Fleeting expressions averaged over (s)</source>
        <translation>Flüchtige Ausdrücke gemittelt über (s)</translation>
    </message>
    <message>
        <source>Minimum face size (px)</source>
        <translation>Mindestgröße des Gesichts (px)</translation>
    </message>
    <message>
        <source>Staff zone left</source>
        <translation>Personalbereich links</translation>
    </message>
    <message>
        <source>Staff zone top</source>
        <translation>Personalbereich oben</translation>
    </message>
    <message>
        <source>Staff zone width</source>
        <translation>Personalbereich Breite</translation>
    </message>
    <message>
        <source>Staff zone height</source>
        <translation>Personalbereich Höhe</translation>
    </message>
    <message>
        <source>Catalog folder</source>
        <translation>Katalogordner</translation>
    </message>
    <message>
        <source>Rotate while nobody is there (s, 0 = off)</source>
        <translation>Wechseln, solange niemand da ist (s, 0 = aus)</translation>
    </message>
    <message>
        <source>Crossfade (ms)</source>
        <translation>Überblendung (ms)</translation>
    </message>
    <message>
        <source>Dealer logo</source>
        <translation>Logo des Händlers</translation>
    </message>
    <message>
        <source>Show the emotion panel on screen (the privacy notice always shows)</source>
        <translation>Mimik-Anzeige auf dem Bildschirm zeigen (der Datenschutzhinweis bleibt immer sichtbar)</translation>
    </message>
    <message>
        <source>Play music when a visitor looks unhappy</source>
        <translation>Musik spielen, wenn ein Besucher unzufrieden wirkt</translation>
    </message>
    <message>
        <source>Music file</source>
        <translation>Musikdatei</translation>
    </message>
    <message>
        <source>Volume (%)</source>
        <translation>Lautstärke (%)</translation>
    </message>
    <message>
        <source>Fade in (ms)</source>
        <translation>Einblenden (ms)</translation>
    </message>
    <message>
        <source>Fade out (ms)</source>
        <translation>Ausblenden (ms)</translation>
    </message>
    <message>
        <source>Keep reaction records (days)</source>
        <translation>Reaktionsdaten aufbewahren (Tage)</translation>
    </message>
    <message>
        <source>Health and metrics port (0 = off)</source>
        <translation>Port für Status und Metriken (0 = aus)</translation>
    </message>
    <message>
        <source>Serve health and metrics to the network, not only this PC</source>
        <translation>Status und Metriken im Netzwerk anbieten, nicht nur auf diesem PC</translation>
    </message>
    <message>
        <source>Degraded after (s) without camera or results</source>
        <translation>Gestört nach (s) ohne Kamera oder Ergebnisse</translation>
    </message>
    <message>
        <source>Send hourly per-car figures to the central store</source>
        <translation>Stündliche Zahlen je Fahrzeug an die Zentraldatenbank senden</translation>
    </message>
    <message>
        <source>Central store (PostgreSQL connection, no password)</source>
        <translation>Zentraldatenbank (PostgreSQL-Verbindung, ohne Passwort)</translation>
    </message>
    <message>
        <source>This showroom&apos;s name in the fleet</source>
        <translation>Name dieses Showrooms im Verbund</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <source>Hide the mouse pointer when idle</source>
        <translation>Mauszeiger bei Inaktivität ausblenden</translation>
    </message>
    <message>
        <source>Opening hours (screen off outside them)</source>
        <translation>Öffnungszeiten (sonst Bildschirm aus)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>Datenschutzhinweis</translation>
    </message>
    <message>
        <source>Privacy notice (Deutsch)</source>
        <translation>Datenschutzhinweis (Deutsch)</translation>
    </message>
    <message>
        <source>Privacy notice (Français)</source>
        <translation>Datenschutzhinweis (Français)</translation>
    </message>
    <message>
        <source>Privacy notice (Español)</source>
        <translation>Datenschutzhinweis (Español)</translation>
    </message>
    <message>
        <source>Privacy notice (Italiano)</source>
        <translation>Datenschutzhinweis (Italiano)</translation>
    </message>
    <message>
        <source>Operator PIN</source>
        <translation>Bediener-PIN</translation>
    </message>
    <message>
        <source>{setting}: none chosen; choose at least one of {choices}</source>
        <translation>{setting}: nichts gewählt; mindestens eins wählen aus {choices}</translation>
    </message>
    <message>
        <source>{setting}: unknown {values}; expected some of {choices}</source>
        <translation>{setting}: unbekannt: {values}; erwartet: einige von {choices}</translation>
    </message>
    <message>
        <source>{setting}: expected {kind}, got {value}</source>
        <translation>{setting}: {kind} erwartet, {value} erhalten</translation>
    </message>
    <message>
        <source>{setting}: {value} is not one of {choices}</source>
        <translation>{setting}: {value} ist keiner der Werte {choices}</translation>
    </message>
    <message>
        <source>{setting}: {value} is outside {low}..{high}</source>
        <translation>{setting}: {value} liegt außerhalb von {low}..{high}</translation>
    </message>
    <message>
        <source>{setting}: {value} is not a span like 08:00-20:00 (hours 00-23, minutes 00-59, opening and closing times differ)</source>
        <translation>{setting}: {value} ist keine Zeitspanne wie 08:00-20:00 (Stunden 00-23, Minuten 00-59, Öffnen und Schließen verschieden)</translation>
    </message>
    <message>
        <source>Release level ({release}) must be below the trigger level ({trigger})</source>
        <translation>Die Rückstellschwelle ({release}) muss unter der Auslöseschwelle ({trigger}) liegen</translation>
    </message>
    <message>
        <source>Staff zone: it must lie inside the camera picture (x + width and y + height &lt;= 1)</source>
        <translation>Personalbereich: muss im Kamerabild liegen (x + Breite und y + Höhe &lt;= 1)</translation>
    </message>
    <message>
        <source>Central store: {problem}</source>
        <translation>Zentraldatenbank: {problem}</translation>
    </message>
    <message>
        <source>Central store: sending is on, but no connection string is set</source>
        <translation>Zentraldatenbank: Senden ist an, aber keine Verbindung angegeben</translation>
    </message>
    <message>
        <source>This showroom&apos;s name in the fleet: 1 to 200 characters, needed to send figures</source>
        <translation>Name dieses Showrooms im Verbund: 1 bis 200 Zeichen, zum Senden nötig</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Defaults restored on every page: press Apply or OK to keep them. The staff zone and the PIN were kept; clear the staff zone on Detection &amp; reaction if you mean to.</source>
        <translation>Standardwerte auf allen Seiten wiederhergestellt: Anwenden oder OK drücken, um sie zu behalten. Personalbereich und PIN blieben erhalten; den Personalbereich bei Bedarf unter Erkennung &amp; Reaktion löschen.</translation>
    </message>
    <message>
        <source>Reaction records are not available on this kiosk.</source>
        <translation>Reaktionsdaten sind an diesem Kiosk nicht verfügbar.</translation>
    </message>
    <message>
        <source>Kiosk settings</source>
        <translation>Kiosk-Einstellungen</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reaktionen</translation>
    </message>
    <message>
        <source>The cars are not saved: see the Cars page.</source>
        <translation>Die Fahrzeuge sind nicht gespeichert: siehe Seite Fahrzeuge.</translation>
    </message>
    <message>
        <source>Discard the unsaved changes?</source>
        <translation>Ungespeicherte Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>The changes made on these pages are not saved yet.</source>
        <translation>Die Änderungen auf diesen Seiten sind noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Cars</source>
        <translation>Fahrzeuge</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Detection &amp; reaction</source>
        <translation>Erkennung &amp; Reaktion</translation>
    </message>
    <message>
        <source>Showroom</source>
        <translation>Showroom</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Fleet &amp; monitoring</source>
        <translation>Verbund &amp; Überwachung</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Catalog folder {folder} does not exist</source>
        <translation>Den Katalogordner {folder} gibt es nicht</translation>
    </message>
    <message>
        <source>Music file {file} does not exist</source>
        <translation>Die Musikdatei {file} gibt es nicht</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>{setting}: cannot read {value}</source>
        <translation>{setting}: {value} nicht lesbar</translation>
    </message>
    <message>
        <source>{file}: [{key}] {problem}; using {default}</source>
        <translation>{file}: [{key}] {problem}; verwende {default}</translation>
    </message>
    <message>
        <source>{file}: {problem}; using the default levels and zone</source>
        <translation>{file}: {problem}; verwende Standardschwellen und -personalbereich</translation>
    </message>
    <message>
        <source>{file} was written by a newer version (schema {version}); known keys read</source>
        <translation>{file} stammt von einer neueren Version (Schema {version}); bekannte Schlüssel gelesen</translation>
    </message>
    <message>
        <source>Settings are not saved: {file} cannot be set aside ({why})</source>
        <translation>Einstellungen werden nicht gespeichert: {file} lässt sich nicht beiseitelegen ({why})</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read, nor set aside; using defaults</source>
        <translation>Die Einstellungsdatei {file} war weder lesbar noch beiseitezulegen; verwende Standardwerte</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read; kept as {copy}, using defaults</source>
        <translation>Die Einstellungsdatei {file} war nicht lesbar; aufbewahrt als {copy}, verwende Standardwerte</translation>
    </message>
    <message>
        <source>Settings are not saved: cannot write {file} ({why})</source>
        <translation>Einstellungen werden nicht gespeichert: {file} nicht beschreibbar ({why})</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Set up this kiosk</source>
        <translation>Diesen Kiosk einrichten</translation>
    </message>
    <message>
        <source>Set the PIN</source>
        <translation>PIN festlegen</translation>
    </message>
    <message>
        <source>Choose the operator PIN ({min}–{max} digits). Staff enter it to open the settings (hold the top-left corner for two seconds, or press Ctrl+Alt+S) and to close the kiosk. The showroom starts as soon as the PIN is set.</source>
        <translation>Wählen Sie die Bediener-PIN ({min}–{max} Ziffern). Das Personal gibt sie ein, um die Einstellungen zu öffnen (die Ecke oben links zwei Sekunden halten oder Strg+Alt+S drücken) und um den Kiosk zu beenden. Der Showroom startet, sobald die PIN festgelegt ist.</translation>
    </message>
</context>
<context>
    <name>ShowroomPage</name>
    <message>
        <source>the cars that come with the kiosk</source>
        <translation>die mitgelieferten Fahrzeuge</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Cars shown now ({count})</source>
        <translation>Aktuell gezeigte Fahrzeuge ({count})</translation>
    </message>
    <message>
        <source>No cars are loaded.</source>
        <translation>Keine Fahrzeuge geladen.</translation>
    </message>
    <message>
        <source>They change when the catalog folder above changes (press Apply).</source>
        <translation>Sie ändern sich mit dem Katalogordner oben (Anwenden drücken).</translation>
    </message>
    <message>
        <source>Logos (*.png *.svg *.jpg *.jpeg *.webp)</source>
        <translation>Logos (*.png *.svg *.jpg *.jpeg *.webp)</translation>
    </message>
</context>
<context>
    <name>ShowroomView</name>
    <message>
        <source>No cars to show</source>
        <translation>Keine Fahrzeuge vorhanden</translation>
    </message>
    <message>
        <source>Hold for settings…</source>
        <translation>Halten: Einstellungen…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Demo mode — no camera found</source>
        <translation>Demo-Modus – keine Kamera gefunden</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet…</translation>
    </message>
    <message>
        <source>No camera found and no demo clip — still looking for a camera</source>
        <translation>Keine Kamera und kein Demo-Video – Suche nach einer Kamera läuft</translation>
    </message>
    <message>
        <source>Camera {name} live</source>
        <translation>Kamera {name} aktiv</translation>
    </message>
    <message>
        <source>Camera {name} lost — reconnecting…</source>
        <translation>Kamera {name} getrennt – verbinde neu…</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>{name} wird geöffnet…</translation>
    </message>
    <message>
        <source>Playing {name}</source>
        <translation>Wiedergabe: {name}</translation>
    </message>
    <message>
        <source>The video {name} has ended</source>
        <translation>Das Video {name} ist zu Ende</translation>
    </message>
    <message>
        <source>The video {name} cannot be played (details in the log)</source>
        <translation>Das Video {name} lässt sich nicht abspielen (Details im Protokoll)</translation>
    </message>
    <message>
        <source>Expression analysis off — {file} is missing</source>
        <translation>Mimikanalyse aus – {file} fehlt</translation>
    </message>
    <message>
        <source>Expression analysis off — the face detector cannot be loaded (details in the log)</source>
        <translation>Mimikanalyse aus – die Gesichtserkennung lässt sich nicht laden (Details im Protokoll)</translation>
    </message>
    <message>
        <source>Expression analysis off — the model {file} cannot be used (details in the log)</source>
        <translation>Mimikanalyse aus – das Modell {file} ist nicht nutzbar (Details im Protokoll)</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>Status ({count})</source>
        <translation>Status ({count})</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Everything works: no problem to report.</source>
        <translation>Alles funktioniert: kein Problem zu melden.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), {serious} of them stopping part of the kiosk&apos;s work.</source>
        <translation>
            <numerusform>%n Problem, davon {serious}, die einen Teil der Arbeit des Kiosks aufhalten.</numerusform>
            <numerusform>%n Probleme, davon {serious}, die einen Teil der Arbeit des Kiosks aufhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Log: {file}</source>
        <translation>Protokoll: {file}</translation>
    </message>
    <message>
        <source>Monitoring: {url}/health and {url}/metrics</source>
        <translation>Überwachung: {url}/health und {url}/metrics</translation>
    </message>
</context>
<context>
    <name>ZoneEditor</name>
    <message>
        <source>staff — not analysed</source>
        <translation>Personal – nicht analysiert</translation>
    </message>
    <message>
        <source>Drag a rectangle around where staff stand: faces there are not analysed.</source>
        <translation>Ziehen Sie ein Rechteck um den Platz des Personals: Gesichter dort werden nicht analysiert.</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>Warte auf die Kamera…</translation>
    </message>
</context>
</TS>
