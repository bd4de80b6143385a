<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AudioPage</name>
    <message>
        <source>the bundled music</source>
        <translation>la musica fornita</translation>
    </message>
    <message>
        <source>This file cannot be played ({problem}): the bundled track plays instead.</source>
        <translation>Questo file non si può riprodurre ({problem}): al suo posto suona la musica fornita.</translation>
    </message>
    <message>
        <source>Music ({patterns})</source>
        <translation>Musica ({patterns})</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <source>No camera found on this PC</source>
        <translation>Nessuna telecamera trovata su questo PC</translation>
    </message>
    <message>
        <source>Cameras found</source>
        <translation>Telecamere trovate</translation>
    </message>
    <message>
        <source>The live picture below comes from the running kiosk.</source>
        <translation>L&apos;immagine dal vivo qui sotto proviene dal chiosco in funzione.</translation>
    </message>
</context>
<context>
    <name>CarsPage</name>
    <message>
        <source>Changes are kept with Apply or OK; the showroom shows them at once.</source>
        <translation>Le modifiche si salvano con Applica o OK; lo showroom le mostra subito.</translation>
    </message>
    <message>
        <source>Add a car from a photo…</source>
        <translation>Aggiungi un&apos;auto da una foto…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Sposta su</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Sposta giù</translation>
    </message>
    <message>
        <source>Replace the photo…</source>
        <translation>Sostituisci la foto…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Tagline</source>
        <translation>Slogan</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prezzo</translation>
    </message>
    <message>
        <source>Texts in</source>
        <translation>Testi in</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Dati chiave</translation>
    </message>
    <message>
        <source>{language} (the catalogue&apos;s language)</source>
        <translation>{language} (lingua del catalogo)</translation>
    </message>
    <message>
        <source>label, e.g. Range</source>
        <translation>etichetta, ad es. Autonomia</translation>
    </message>
    <message>
        <source>value, e.g. 510 km</source>
        <translation>valore, ad es. 510 km</translation>
    </message>
    <message>
        <source>Cheerful</source>
        <translation>Allegra</translation>
    </message>
    <message>
        <source>A visitor who looks unhappy is shown a cheerful car next.</source>
        <translation>A un visitatore che sembra scontento si mostra poi un&apos;auto allegra.</translation>
    </message>
    <message>
        <source>When a visitor looks unhappy at this car, show:</source>
        <translation>Se un visitatore sembra scontento davanti a quest&apos;auto, mostrare:</translation>
    </message>
    <message>
        <source>no price shown</source>
        <translation>nessun prezzo mostrato</translation>
    </message>
    <message>
        <source>These are the cars that come with the kiosk. Add, change or remove cars and press Apply: they become your own catalogue, kept in {folder}.</source>
        <translation>Queste sono le auto fornite con il chiosco. Aggiungere, modificare o rimuovere auto e premere Applica: diventano il vostro catalogo, conservato in {folder}.</translation>
    </message>
    <message>
        <source>Your own catalogue, kept in {folder}.</source>
        <translation>Il vostro catalogo, conservato in {folder}.</translation>
    </message>
    <message>
        <source>The showroom shows the catalogue folder {other} (Showroom page). Changes made here are saved in {folder}, and the showroom then shows them instead.</source>
        <translation>Lo showroom mostra la cartella del catalogo {other} (pagina Showroom). Le modifiche fatte qui vengono salvate in {folder} e lo showroom mostra poi queste.</translation>
    </message>
    <message>
        <source>The cars are not saved:</source>
        <translation>Le auto non sono salvate:</translation>
    </message>
    <message>
        <source>This photo cannot be used: {problem}</source>
        <translation>Questa foto non è utilizzabile: {problem}</translation>
    </message>
    <message>
        <source>No cars yet: add one from a photo.</source>
        <translation>Ancora nessuna auto: aggiungerne una da una foto.</translation>
    </message>
    <message>
        <source>Automatic: a cheerful car, else the next one</source>
        <translation>Automatico: un&apos;allegra o la successiva</translation>
    </message>
    <message>
        <source>A photo of the car</source>
        <translation>Una foto dell&apos;auto</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Foto ({patterns})</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <source>The kiosk stopped after {crashes} crashes within {seconds} seconds and will not restart by itself. Please call your service contact. Details are in the log in {folder}.</source>
        <translation>Il chiosco si è fermato dopo {crashes} arresti anomali in {seconds} secondi e non si riavvierà da solo. Contattare l&apos;assistenza tecnica. I dettagli sono nel registro in {folder}.</translation>
    </message>
    <message>
        <source>Emotion Kiosk stopped</source>
        <translation>Emotion Kiosk fermato</translation>
    </message>
</context>
<context>
    <name>DetectionPage</name>
    <message>
        <source>The bar shows the visitor in front of the camera now, against the levels below.</source>
        <translation>La barra mostra il visitatore ora davanti alla telecamera, rispetto alle soglie qui sotto.</translation>
    </message>
    <message>
        <source>How the reaction is worked out, in detail: the defaults suit most showrooms.</source>
        <translation>Come si calcola la reazione, nel dettaglio: i valori predefiniti vanno bene per la maggior parte degli showroom.</translation>
    </message>
    <message>
        <source>Staff zone: drag a rectangle on the picture around where staff stand.</source>
        <translation>Zona del personale: trascinare un rettangolo sull&apos;immagine attorno a dove sta il personale.</translation>
    </message>
    <message>
        <source>Clear the staff zone</source>
        <translation>Cancella la zona del personale</translation>
    </message>
    <message>
        <source>Staff zone</source>
        <translation>Zona del personale</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Impostazioni avanzate</translation>
    </message>
</context>
<context>
    <name>Emotion</name>
    <message>
        <source>angry</source>
        <translation>arrabbiato</translation>
    </message>
    <message>
        <source>disgust</source>
        <translation>disgustato</translation>
    </message>
    <message>
        <source>fear</source>
        <translation>impaurito</translation>
    </message>
    <message>
        <source>happy</source>
        <translation>felice</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutro</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>triste</translation>
    </message>
    <message>
        <source>surprise</source>
        <translation>sorpreso</translation>
    </message>
</context>
<context>
    <name>EmotionHud</name>
    <message>
        <source>Live</source>
        <translation>Dal vivo</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Modalità demo</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Senza telecamera</translation>
    </message>
    <message>
        <source>Negative, last seconds</source>
        <translation>Negativo, di recente</translation>
    </message>
    <message>
        <source>resting face</source>
        <translation>viso a riposo</translation>
    </message>
    <message>
        <source>showroom reacts</source>
        <translation>lo showroom reagisce</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Espressione</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Riconnessione</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Nessuna immagine</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>non analizzato</translation>
    </message>
    <message>
        <source>Seen now, {percent} sure</source>
        <translation>Visto ora, sicuro al {percent}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>In pausa</translation>
    </message>
    <message>
        <source>Analysis paused</source>
        <translation>Analisi in pausa</translation>
    </message>
    <message>
        <source>Back in a moment</source>
        <translation>Torna tra un attimo</translation>
    </message>
    <message>
        <source>Analysis off</source>
        <translation>Analisi spenta</translation>
    </message>
    <message>
        <source>No emotion model loaded</source>
        <translation>Nessun modello di emozioni caricato</translation>
    </message>
    <message>
        <source>No visitor</source>
        <translation>Nessun visitatore</translation>
    </message>
    <message>
        <source>Waiting for someone to look</source>
        <translation>In attesa di uno sguardo</translation>
    </message>
    <message>
        <source>learning…</source>
        <translation>taratura…</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>The central store&apos;s password is never kept here: store it in this PC&apos;s keyring with `emotion-kiosk fleet password`, or in the PostgreSQL password file (see the README).</source>
        <translation>La password dell&apos;archivio centrale non viene mai conservata qui: salvarla nel portachiavi di questo PC con `emotion-kiosk fleet password`, oppure nel file delle password di PostgreSQL (vedere il README).</translation>
    </message>
    <message>
        <source>This kiosk&apos;s id in the fleet</source>
        <translation>ID di questo chiosco nella rete</translation>
    </message>
    <message>
        <source>Made once on this PC: the central store tells kiosks apart by it, not by their names.</source>
        <translation>Creato una volta su questo PC: l&apos;archivio centrale distingue i chioschi da esso, non dai loro nomi.</translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <source>Which expressions count as unhappy; together they make the negative level.</source>
        <translation>Quali espressioni contano come scontento; insieme formano il livello negativo.</translation>
    </message>
    <message>
        <source>How negative the visitor must look before the car changes.</source>
        <translation>Quanto deve sembrare negativo il visitatore prima che l&apos;auto cambi.</translation>
    </message>
    <message>
        <source>The visitor must calm down below this before the car can change again.</source>
        <translation>Il visitatore deve calmarsi sotto questo valore prima che l&apos;auto possa cambiare di nuovo.</translation>
    </message>
    <message>
        <source>Evens out flicker: more seconds react more calmly, but later.</source>
        <translation>Attenua le oscillazioni: più secondi reagiscono con più calma, ma più tardi.</translation>
    </message>
    <message>
        <source>How long the visitor must stay above the trigger level before the car changes.</source>
        <translation>Quanto a lungo il visitatore deve restare sopra la soglia prima che l&apos;auto cambi.</translation>
    </message>
    <message>
        <source>The shortest time between two car changes (and two plays of the music).</source>
        <translation>Il tempo minimo tra due cambi d&apos;auto (e due riproduzioni della musica).</translation>
    </message>
    <message>
        <source>Some faces look serious at rest: react to a change from each visitor&apos;s own face.</source>
        <translation>Alcuni volti sembrano seri a riposo: reagire a un cambiamento rispetto al volto di ciascun visitatore.</translation>
    </message>
    <message>
        <source>How long a new visitor is watched to learn their resting face; no reaction meanwhile.</source>
        <translation>Per quanto tempo si osserva un nuovo visitatore per apprenderne il volto a riposo; nel frattempo nessuna reazione.</translation>
    </message>
    <message>
        <source>How far above their resting face a visitor must go before it counts.</source>
        <translation>Di quanto un visitatore deve superare il suo volto a riposo perché conti.</translation>
    </message>
    <message>
        <source>Expressions that flash by as people talk (such as fear): count less, only if they last.</source>
        <translation>Espressioni che compaiono un attimo mentre si parla (come la paura): contano meno, e solo se durano.</translation>
    </message>
    <message>
        <source>How much a fleeting expression counts compared with a clear one (100 % = the same).</source>
        <translation>Quanto conta un&apos;espressione fugace rispetto a una chiara (100 % = uguale).</translation>
    </message>
    <message>
        <source>A fleeting expression counts as its average over this many seconds.</source>
        <translation>Un&apos;espressione fugace conta come la sua media su questi secondi.</translation>
    </message>
    <message>
        <source>Smaller faces (people farther away, passing at the back) are not analysed.</source>
        <translation>I volti più piccoli (persone lontane che passano sullo sfondo) non vengono analizzati.</translation>
    </message>
    <message>
        <source>Where the staff zone starts, from the picture&apos;s left edge.</source>
        <translation>Dove inizia la zona del personale, dal bordo sinistro dell&apos;immagine.</translation>
    </message>
    <message>
        <source>Where the staff zone starts, from the picture&apos;s top edge.</source>
        <translation>Dove inizia la zona del personale, dal bordo superiore dell&apos;immagine.</translation>
    </message>
    <message>
        <source>How wide the staff zone is (0 % = no staff zone).</source>
        <translation>Larghezza della zona del personale (0 % = nessuna zona).</translation>
    </message>
    <message>
        <source>How tall the staff zone is (0 % = no staff zone).</source>
        <translation>Altezza della zona del personale (0 % = nessuna zona).</translation>
    </message>
    <message>
        <source>Which camera to use when several are plugged in (0 = the first).</source>
        <translation>Quale telecamera usare se ne sono collegate diverse (0 = la prima).</translation>
    </message>
    <message>
        <source>How the camera is opened; leave on auto unless the camera is not found.</source>
        <translation>Come viene aperta la telecamera; lasciare auto a meno che la telecamera non venga trovata.</translation>
    </message>
    <message>
        <source>The picture size asked of the camera; auto keeps the camera&apos;s own.</source>
        <translation>La dimensione dell&apos;immagine richiesta alla telecamera; auto mantiene quella della telecamera.</translation>
    </message>
    <message>
        <source>Another folder of cars to show (a shared one, say); empty shows the cars of the Cars page.</source>
        <translation>Un&apos;altra cartella di auto da mostrare (ad esempio condivisa); vuota, si mostrano le auto della pagina Auto.</translation>
    </message>
    <message>
        <source>Show the next car after this long while nobody is in front of the screen.</source>
        <translation>Mostrare l&apos;auto successiva dopo questo tempo se nessuno è davanti allo schermo.</translation>
    </message>
    <message>
        <source>How long one car takes to fade into the next.</source>
        <translation>Quanto dura la dissolvenza da un&apos;auto alla successiva.</translation>
    </message>
    <message>
        <source>Empty plays the music that comes with the kiosk.</source>
        <translation>Vuoto: suona la musica fornita con il chiosco.</translation>
    </message>
    <message>
        <source>How long the music takes to rise to its volume.</source>
        <translation>Quanto impiega la musica a raggiungere il suo volume.</translation>
    </message>
    <message>
        <source>How long the music takes to fade away at its end.</source>
        <translation>Quanto impiega la musica a sfumare alla fine.</translation>
    </message>
    <message>
        <source>The IT department&apos;s monitoring asks this PC&apos;s port for /health and /metrics.</source>
        <translation>Il monitoraggio del reparto IT interroga questa porta del PC per /health e /metrics.</translation>
    </message>
    <message>
        <source>Off: only programs on this PC can ask. On: the showroom network can too.</source>
        <translation>Disattivo: solo i programmi di questo PC possono interrogare. Attivo: anche la rete dello showroom.</translation>
    </message>
    <message>
        <source>Report a problem when the camera or the analysis has been silent this long.</source>
        <translation>Segnalare un problema se la telecamera o l&apos;analisi tacciono da questo tempo.</translation>
    </message>
    <message>
        <source>Send each car&apos;s hourly figures (never pictures or single visits) to head office.</source>
        <translation>Inviare i dati orari di ogni auto (mai immagini o singole visite) alla sede centrale.</translation>
    </message>
    <message>
        <source>For example host=db.example.com dbname=showrooms user=kiosk (ask IT).</source>
        <translation>Per esempio host=db.example.com dbname=showrooms user=kiosk (chiedere all&apos;IT).</translation>
    </message>
    <message>
        <source>How this showroom is named in the group&apos;s reports.</source>
        <translation>Il nome di questo showroom nei report del gruppo.</translation>
    </message>
    <message>
        <source>The mouse pointer disappears after a few seconds without movement.</source>
        <translation>Il puntatore scompare dopo qualche secondo senza movimento.</translation>
    </message>
    <message>
        <source>For example 08:00-20:00: outside these hours the screen may sleep. Empty keeps it on always.</source>
        <translation>Per esempio 08:00-20:00: fuori da questi orari lo schermo può andare in standby. Vuoto: sempre acceso.</translation>
    </message>
    <message>
        <source>The language of the showroom and of these settings; automatic follows the PC&apos;s language.</source>
        <translation>La lingua dello showroom e di queste impostazioni; automatica segue la lingua del PC.</translation>
    </message>
</context>
<context>
    <name>KioskApp</name>
    <message>
        <source>the showroom runs; reactions wait in memory and are written once there is room</source>
        <translation>lo showroom funziona; le reazioni attendono in memoria e vengono scritte appena c&apos;è spazio</translation>
    </message>
    <message>
        <source>the showroom runs, but settings are not saved and reactions are not recorded</source>
        <translation>lo showroom funziona, ma le impostazioni non vengono salvate e le reazioni non vengono registrate</translation>
    </message>
    <message>
        <source>The kiosk is already running ({holder}) with the data folder {folder}. Only one kiosk can run at a time; this one exits.</source>
        <translation>Il chiosco è già in funzione ({holder}) con la cartella dati {folder}. Può funzionare un solo chiosco alla volta; questo si chiude.</translation>
    </message>
</context>
<context>
    <name>KioskPage</name>
    <message>
        <source>The primary screen</source>
        <translation>Lo schermo principale</translation>
    </message>
    <message>
        <source>Empty: the standard notice in that language.</source>
        <translation>Vuoto: l&apos;informativa standard in quella lingua.</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>Cambia PIN…</translation>
    </message>
    <message>
        <source>Forgotten PIN: stop the kiosk and, on this PC, run `{command}` in a terminal (or `{folder_command}` in the kiosk&apos;s folder). The kiosk then asks for a new PIN.</source>
        <translation>PIN dimenticato: fermare il chiosco e, su questo PC, eseguire `{command}` in un terminale (oppure `{folder_command}` nella cartella del chiosco). Il chiosco chiede poi un nuovo PIN.</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>Esci dal chiosco</translation>
    </message>
    <message>
        <source>{screen} (not connected)</source>
        <translation>{screen} (non collegato)</translation>
    </message>
    <message>
        <source>New PIN chosen: press Apply or OK to keep it.</source>
        <translation>Nuovo PIN scelto: premere Applica o OK per mantenerlo.</translation>
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
        <translation>in attesa della telecamera…</translation>
    </message>
    <message>
        <source>nobody in front of the camera</source>
        <translation>nessuno davanti alla telecamera</translation>
    </message>
    <message>
        <source>learning the resting face…</source>
        <translation>apprendimento del volto a riposo…</translation>
    </message>
    <message>
        <source>{percent} now</source>
        <translation>{percent} ora</translation>
    </message>
    <message>
        <source>Negative reaction (live)</source>
        <translation>Reazione negativa (dal vivo)</translation>
    </message>
    <message>
        <source>trigger {percent}</source>
        <translation>soglia {percent}</translation>
    </message>
    <message>
        <source>release {percent}</source>
        <translation>riarmo {percent}</translation>
    </message>
    <message>
        <source>resting</source>
        <translation>riposo</translation>
    </message>
</context>
<context>
    <name>MusicPreview</name>
    <message>
        <source>Play</source>
        <translation>Riproduci</translation>
    </message>
    <message>
        <source>No audio output found on this PC: connect speakers, then press Play again.</source>
        <translation>Nessuna uscita audio trovata su questo PC: collegare gli altoparlanti e premere di nuovo Riproduci.</translation>
    </message>
    <message>
        <source>Playing {name} at {volume} % volume.</source>
        <translation>Riproduzione di {name} al {volume} % del volume.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Ferma</translation>
    </message>
    <message>
        <source>Could not play: {problem}</source>
        <translation>Impossibile riprodurre: {problem}</translation>
    </message>
    <message>
        <source>The chosen music cannot be played ({problem}); the bundled track plays instead.</source>
        <translation>La musica scelta non si può riprodurre ({problem}); al suo posto suona la musica fornita.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>The stored operator PIN is damaged, so no PIN can match it. Stop the kiosk and, on this PC, run `{command}` in a terminal (or `{folder_command}` in the kiosk&apos;s folder) to clear it; the kiosk then asks for a new PIN.</source>
        <translation>Il PIN operatore salvato è danneggiato, quindi nessun PIN può corrispondere. Fermare il chiosco e, su questo PC, eseguire `{command}` in un terminale (oppure `{folder_command}` nella cartella del chiosco) per cancellarlo; il chiosco chiede poi un nuovo PIN.</translation>
    </message>
    <message>
        <source>Operator PIN</source>
        <translation>PIN operatore</translation>
    </message>
    <message>
        <source>Enter the PIN to open the settings</source>
        <translation>Inserire il PIN per aprire le impostazioni</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Chiudere il chiosco</translation>
    </message>
    <message>
        <source>Enter the PIN to close the kiosk</source>
        <translation>Inserire il PIN per chiudere il chiosco</translation>
    </message>
    <message>
        <source>New operator PIN</source>
        <translation>Nuovo PIN operatore</translation>
    </message>
    <message>
        <source>Choose the new operator PIN ({min}–{max} digits)</source>
        <translation>Scegliere il nuovo PIN operatore ({min}–{max} cifre)</translation>
    </message>
    <message>
        <source>Choose an operator PIN ({min}–{max} digits). It protects the settings and closing the kiosk.</source>
        <translation>Scegliere un PIN operatore ({min}–{max} cifre). Protegge le impostazioni e la chiusura del chiosco.</translation>
    </message>
    <message>
        <source>Create operator PIN</source>
        <translation>Creare il PIN operatore</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nuovo PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Ripetere il nuovo PIN</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Cancella</translation>
    </message>
    <message>
        <source>Not checked: after several wrong PINs the kiosk waits {time} before it checks the next one.</source>
        <translation>Non verificato: dopo diversi PIN errati il chiosco attende {time} prima di verificare il successivo.</translation>
    </message>
    <message>
        <source>The PIN must have {min} to {max} digits.</source>
        <translation>Il PIN deve avere da {min} a {max} cifre.</translation>
    </message>
    <message>
        <source>The two PINs differ. Please type it again.</source>
        <translation>I due PIN non coincidono. Digitarlo di nuovo.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN errato.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in {time}.</source>
        <translation>PIN errato. Riprovare tra {time}.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Ora è possibile riprovare.</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>No operator PIN yet</source>
        <translation>Nessun PIN operatore ancora</translation>
    </message>
    <message>
        <source>No camera: the demo clip plays</source>
        <translation>Nessuna telecamera: è in riproduzione il video dimostrativo</translation>
    </message>
    <message>
        <source>No camera and no demo clip</source>
        <translation>Né telecamera né video dimostrativo</translation>
    </message>
    <message>
        <source>The camera is lost</source>
        <translation>La telecamera non risponde</translation>
    </message>
    <message>
        <source>The video cannot be played</source>
        <translation>Il video non può essere riprodotto</translation>
    </message>
    <message>
        <source>Expression analysis is off</source>
        <translation>L&apos;analisi delle espressioni è spenta</translation>
    </message>
    <message>
        <source>Expression analysis is failing</source>
        <translation>L&apos;analisi delle espressioni non riesce</translation>
    </message>
    <message>
        <source>Reactions are not being recorded</source>
        <translation>Le reazioni non vengono registrate</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Il disco è pieno</translation>
    </message>
    <message>
        <source>The data folder cannot be written</source>
        <translation>Impossibile scrivere nella cartella dati</translation>
    </message>
    <message>
        <source>The central store does not take this kiosk&apos;s figures</source>
        <translation>L&apos;archivio centrale non riceve i dati di questo chiosco</translation>
    </message>
    <message>
        <source>Another kiosk uses this kiosk&apos;s name in the fleet</source>
        <translation>Un altro chiosco usa il nome di questo nella rete</translation>
    </message>
    <message>
        <source>The settings cannot be saved</source>
        <translation>Le impostazioni non possono essere salvate</translation>
    </message>
    <message>
        <source>Some settings were not valid</source>
        <translation>Alcune impostazioni non erano valide</translation>
    </message>
    <message>
        <source>A car cannot be shown as it was set up</source>
        <translation>Un&apos;auto non può essere mostrata come configurata</translation>
    </message>
    <message>
        <source>The music cannot be played</source>
        <translation>La musica non può essere riprodotta</translation>
    </message>
    <message>
        <source>Health and metrics are not served</source>
        <translation>Stato e metriche non vengono serviti</translation>
    </message>
    <message>
        <source>The stored operator PIN is damaged</source>
        <translation>Il PIN operatore salvato è danneggiato</translation>
    </message>
    <message>
        <source>The screen may blank</source>
        <translation>Lo schermo potrebbe spegnersi</translation>
    </message>
    <message>
        <source>The reaction database was deleted and started anew</source>
        <translation>Il database delle reazioni è stato cancellato e ricreato</translation>
    </message>
    <message>
        <source>A damaged reaction database was set aside</source>
        <translation>Un database delle reazioni danneggiato è stato messo da parte</translation>
    </message>
    <message>
        <source>Choose the PIN on the set-up screen, or run `emotion-kiosk set-pin` on this PC.</source>
        <translation>Scegliere il PIN nella schermata di configurazione, oppure eseguire `emotion-kiosk set-pin` su questo PC.</translation>
    </message>
    <message>
        <source>Connect the camera, or check its number on the Camera page. The kiosk switches to it by itself.</source>
        <translation>Collegare la telecamera o verificarne il numero nella pagina Telecamera. Il chiosco passa a essa da solo.</translation>
    </message>
    <message>
        <source>Connect the camera; the kiosk keeps looking for it.</source>
        <translation>Collegare la telecamera; il chiosco continua a cercarla.</translation>
    </message>
    <message>
        <source>Check the camera&apos;s cable and power; the kiosk reconnects by itself.</source>
        <translation>Controllare cavo e alimentazione della telecamera; il chiosco si ricollega da solo.</translation>
    </message>
    <message>
        <source>Check the video file the kiosk was started with.</source>
        <translation>Controllare il file video con cui è stato avviato il chiosco.</translation>
    </message>
    <message>
        <source>Reinstall the kiosk, or check the model file named in the details.</source>
        <translation>Reinstallare il chiosco, oppure controllare il file del modello indicato nei dettagli.</translation>
    </message>
    <message>
        <source>Restart the kiosk; if this stays, send the log to your service contact.</source>
        <translation>Riavviare il chiosco; se il problema resta, inviare il registro al proprio referente dell&apos;assistenza.</translation>
    </message>
    <message>
        <source>Recording is retried by itself and nothing waiting is lost while the kiosk runs; the details say what stands in the way.</source>
        <translation>La registrazione viene ritentata da sola e nulla di ciò che è in attesa va perso finché il chiosco funziona; i dettagli dicono che cosa lo impedisce.</translation>
    </message>
    <message>
        <source>Free some space on this disk. Reactions wait in memory and are written once there is room.</source>
        <translation>Liberare spazio su questo disco. Le reazioni attendono in memoria e vengono scritte appena c&apos;è spazio.</translation>
    </message>
    <message>
        <source>Make the data folder writable for the kiosk&apos;s user, then restart the kiosk.</source>
        <translation>Rendere la cartella dati scrivibile per l&apos;utente del chiosco, poi riavviare il chiosco.</translation>
    </message>
    <message>
        <source>The figures wait in this kiosk and are sent once the central store takes them. {cause}</source>
        <translation>I dati attendono in questo chiosco e vengono inviati appena l&apos;archivio centrale li accetta. {cause}</translation>
    </message>
    <message>
        <source>Each kiosk keeps its own figures, but reports name both alike: give this one a name of its own on the Fleet &amp; monitoring page.</source>
        <translation>Ogni chiosco conserva i propri dati, ma i rapporti li chiamano allo stesso modo: dare a questo un nome proprio nella pagina Rete e monitoraggio.</translation>
    </message>
    <message>
        <source>Changes apply until the kiosk restarts. Make the settings file writable to keep them.</source>
        <translation>Le modifiche valgono fino al riavvio del chiosco. Rendere scrivibile il file delle impostazioni per conservarle.</translation>
    </message>
    <message>
        <source>The kiosk uses the defaults for them: correct them in the settings and save.</source>
        <translation>Il chiosco usa per esse i valori predefiniti: correggerle nelle impostazioni e salvare.</translation>
    </message>
    <message>
        <source>Fix the car on the Cars page, or in the catalogue folder.</source>
        <translation>Correggere l&apos;auto nella pagina Auto, oppure nella cartella del catalogo.</translation>
    </message>
    <message>
        <source>Check the speakers, and the music file on the Audio page.</source>
        <translation>Controllare gli altoparlanti e il file musicale nella pagina Audio.</translation>
    </message>
    <message>
        <source>Another program uses the port: choose another one on the Fleet &amp; monitoring page.</source>
        <translation>Un altro programma usa la porta: sceglierne un&apos;altra nella pagina Rete e monitoraggio.</translation>
    </message>
    <message>
        <source>Check the fleet user and password (Fleet &amp; monitoring page).</source>
        <translation>Controllare utente e password della rete (pagina Rete e monitoraggio).</translation>
    </message>
    <message>
        <source>Complete the settings on the Fleet &amp; monitoring page.</source>
        <translation>Completare le impostazioni nella pagina Rete e monitoraggio.</translation>
    </message>
    <message>
        <source>Stop the kiosk and run `emotion-kiosk reset-pin` on this PC, then set a new PIN.</source>
        <translation>Fermare il chiosco ed eseguire `emotion-kiosk reset-pin` su questo PC, poi impostare un nuovo PIN.</translation>
    </message>
    <message>
        <source>Turn off the screensaver and the display&apos;s power saving in the desktop&apos;s settings.</source>
        <translation>Disattivare lo screensaver e il risparmio energetico dello schermo nelle impostazioni del desktop.</translation>
    </message>
    <message>
        <source>Reactions recorded before that are gone; recording goes on in the new file.</source>
        <translation>Le reazioni registrate prima sono perse; la registrazione prosegue nel nuovo file.</translation>
    </message>
    <message>
        <source>The old file is kept beside the new one (see the details); recording goes on.</source>
        <translation>Il vecchio file è conservato accanto al nuovo (vedere i dettagli); la registrazione prosegue.</translation>
    </message>
    <message>
        <source>Check the network and the server&apos;s address.</source>
        <translation>Controllare la rete e l&apos;indirizzo del server.</translation>
    </message>
    <message>
        <source>The central store is newer than this kiosk: update the kiosk.</source>
        <translation>L&apos;archivio centrale è più recente di questo chiosco: aggiornare il chiosco.</translation>
    </message>
    <message>
        <source>Give the fleet&apos;s database role the rights the README lists.</source>
        <translation>Concedere al ruolo di database della rete i permessi indicati nel README.</translation>
    </message>
</context>
<context>
    <name>ReactionRecords</name>
    <message>
        <source>The reaction database {file} could not be read. It was kept as {copy} in {folder}, and a new, empty database was started: reactions are recorded again.</source>
        <translation>Il database delle reazioni {file} non era leggibile. È stato conservato come {copy} in {folder} ed è stato creato un nuovo database vuoto: le reazioni vengono di nuovo registrate.</translation>
    </message>
    <message>
        <source>The reaction database {file} is read-only (or its folder is): reactions are not recorded this session. `python -m kiosk report` can still read it.</source>
        <translation>Il database delle reazioni {file} è di sola lettura (o lo è la sua cartella): in questa sessione le reazioni non vengono registrate. `python -m kiosk report` può ancora leggerlo.</translation>
    </message>
    <message>
        <source>Reactions are not recorded: {file} cannot be opened (details in the log).</source>
        <translation>Le reazioni non vengono registrate: impossibile aprire {file} (dettagli nel registro).</translation>
    </message>
</context>
<context>
    <name>ReactionsPage</name>
    <message>
        <source>Car</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Exposures</source>
        <translation>Esposizioni</translation>
    </message>
    <message>
        <source>Visitor time</source>
        <translation>Tempo di visita</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>Reaction switches</source>
        <translation>Cambi</translation>
    </message>
    <message>
        <source>Uplift success</source>
        <translation>Musica efficace</translation>
    </message>
    <message>
        <source>The car, by the name the showroom shows.</source>
        <translation>L&apos;auto, con il nome mostrato nello showroom.</translation>
    </message>
    <message>
        <source>How many times the car was shown.</source>
        <translation>Quante volte l&apos;auto è stata mostrata.</translation>
    </message>
    <message>
        <source>How long visitors watched it (min:s).</source>
        <translation>Per quanto tempo i visitatori l&apos;hanno guardata (min:s).</translation>
    </message>
    <message>
        <source>Share of that time visitors looked happy or surprised.</source>
        <translation>Quota di quel tempo in cui i visitatori sembravano felici o sorpresi.</translation>
    </message>
    <message>
        <source>Share of that time visitors looked angry, disgusted, afraid or sad.</source>
        <translation>Quota di quel tempo in cui i visitatori sembravano arrabbiati, disgustati, impauriti o tristi.</translation>
    </message>
    <message>
        <source>How often the car was changed because the visitor looked unhappy.</source>
        <translation>Quante volte l&apos;auto è cambiata perché il visitatore sembrava scontento.</translation>
    </message>
    <message>
        <source>After the music played: how often the visitor looked less unhappy 10 s later.</source>
        <translation>Dopo la musica: quante volte il visitatore sembrava meno scontento 10 s dopo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Positive&lt;/b&gt; and &lt;b&gt;Negative&lt;/b&gt; need not add up to 100 %: the rest of the time visitors looked neutral. &lt;b&gt;Uplift success&lt;/b&gt; shows – when no music played while that car was shown (music off, or nobody looked unhappy enough). &lt;b&gt;Reaction switches&lt;/b&gt;: the car changed because the visitor looked unhappy. Hover over a column title for more.</source>
        <translation>&lt;b&gt;Positivo&lt;/b&gt; e &lt;b&gt;Negativo&lt;/b&gt; non sommano per forza al 100 %: nel resto del tempo i visitatori sembravano neutri. &lt;b&gt;Musica efficace&lt;/b&gt; mostra – quando non è stata suonata musica mentre l&apos;auto era mostrata (musica disattivata, o nessuno sembrava abbastanza scontento). &lt;b&gt;Cambi&lt;/b&gt;: l&apos;auto è cambiata perché il visitatore sembrava scontento. Passare il mouse sul titolo di una colonna per saperne di più.</translation>
    </message>
    <message>
        <source>Only per-showing totals are kept: no images, no faces, nothing that identifies a visitor.</source>
        <translation>Si conservano solo i totali per esposizione: nessuna immagine, nessun volto, nulla che identifichi un visitatore.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>La data di inizio è successiva alla data di fine.</translation>
    </message>
    <message>
        <source>Could not read the reaction database: {error}</source>
        <translation>Impossibile leggere il database delle reazioni: {error}</translation>
    </message>
    <message>
        <source>Could not write {file}: {error}</source>
        <translation>Impossibile scrivere {file}: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n cars to {file}</source>
        <translation>
            <numerusform>%n auto esportata in {file}</numerusform>
            <numerusform>%n auto esportate in {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> days</source>
        <comment>after the number of days to keep reactions</comment>
        <translation>
            <numerusform> giorno</numerusform>
            <numerusform> giorni</numerusform>
        </translation>
    </message>
    <message>
        <source>{exposures} of {cars}, {time} (min:s) of visitor time.</source>
        <translation>{exposures} di {cars}, {time} (min:s) di tempo di visita.</translation>
    </message>
    <message numerus="yes">
        <source>%n exposures</source>
        <comment>the first count of: 3 exposures of 2 cars</comment>
        <translation>
            <numerusform>%n esposizione</numerusform>
            <numerusform>%n esposizioni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cars</source>
        <comment>the second count, after &apos;of&apos;: 3 exposures of 2 cars</comment>
        <translation>
            <numerusform>%n auto</numerusform>
            <numerusform>%n auto</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Esporta CSV…</translation>
    </message>
    <message>
        <source>Erase all…</source>
        <translation>Cancella tutto…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dal</translation>
    </message>
    <message>
        <source>to</source>
        <translation>al</translation>
    </message>
    <message>
        <source>Keep reactions for</source>
        <translation>Conservare le reazioni per</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reazioni</translation>
    </message>
    <message>
        <source>Export reactions</source>
        <translation>Esporta le reazioni</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
    <message>
        <source>Erase all reactions</source>
        <translation>Cancellare tutte le reazioni</translation>
    </message>
    <message>
        <source>Delete every recorded exposure, for all cars and dates? This cannot be undone.</source>
        <translation>Eliminare tutte le esposizioni registrate, per tutte le auto e le date? L&apos;operazione non si può annullare.</translation>
    </message>
    <message>
        <source>Could not erase the reactions: {error}</source>
        <translation>Impossibile cancellare le reazioni: {error}</translation>
    </message>
    <message>
        <source>Exposures erased: {count}.</source>
        <translation>Esposizioni cancellate: {count}.</translation>
    </message>
    <message>
        <source>No exposures recorded from {since} to {until}.</source>
        <translation>Nessuna esposizione registrata dal {since} al {until}.</translation>
    </message>
</context>
<context>
    <name>Runtime</name>
    <message>
        <source>read-only</source>
        <translation>sola lettura</translation>
    </message>
    <message>
        <source>the data folder {folder} cannot be created ({why})</source>
        <translation>impossibile creare la cartella dati {folder} ({why})</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>il disco è pieno</translation>
    </message>
    <message>
        <source>no permission</source>
        <translation>nessun permesso</translation>
    </message>
    <message>
        <source>the disk holding the data folder {folder} is full</source>
        <translation>il disco che contiene la cartella dati {folder} è pieno</translation>
    </message>
    <message>
        <source>the data folder {folder} is read-only</source>
        <translation>la cartella dati {folder} è di sola lettura</translation>
    </message>
    <message>
        <source>the data folder {folder} is read-only for this user: no permission to write in it</source>
        <translation>la cartella dati {folder} è di sola lettura per questo utente: nessun permesso di scrivervi</translation>
    </message>
    <message>
        <source>the data folder {folder} cannot be written ({why})</source>
        <translation>impossibile scrivere nella cartella dati {folder} ({why})</translation>
    </message>
    <message>
        <source>the lock file {file} cannot be created</source>
        <translation>impossibile creare il file di blocco {file}</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>processo {pid} su {host}</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>un altro processo</translation>
    </message>
</context>
<context>
    <name>Scene</name>
    <message>
        <source>Price</source>
        <translation>Prezzo</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>This screen estimates facial expressions on this device only, to adapt what it shows. No images are stored or sent.</source>
        <translation>Questo schermo stima le espressioni del viso solo su questo dispositivo, per adattare ciò che mostra. Nessuna immagine viene salvata o inviata.</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>Automatica (lingua del sistema)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Telecamera</translation>
    </message>
    <message>
        <source>Capture backend</source>
        <translation>Interfaccia di acquisizione</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Risoluzione</translation>
    </message>
    <message>
        <source>Show the camera preview on screen</source>
        <translation>Mostrare l&apos;immagine della telecamera sullo schermo</translation>
    </message>
    <message>
        <source>Negative expressions</source>
        <translation>Espressioni negative</translation>
    </message>
    <message>
        <source>Trigger level</source>
        <translation>Soglia di attivazione</translation>
    </message>
    <message>
        <source>Release level</source>
        <translation>Soglia di riarmo</translation>
    </message>
    <message>
        <source>Smoothing (s)</source>
        <translation>Livellamento (s)</translation>
    </message>
    <message>
        <source>Dwell above trigger (s)</source>
        <translation>Durata sopra la soglia (s)</translation>
    </message>
    <message>
        <source>Cooldown (s)</source>
        <translation>Pausa dopo un cambio (s)</translation>
    </message>
    <message>
        <source>Learn each visitor&apos;s resting face before reacting</source>
        <translation>Apprendere prima il volto a riposo di ogni visitatore</translation>
    </message>
    <message>
        <source>Resting face learnt over (s)</source>
        <translation>Volto a riposo appreso in (s)</translation>
    </message>
    <message>
        <source>React only this far above the resting face</source>
        <translation>Margine sopra il volto a riposo</translation>
    </message>
    <message>
        <source>Fleeting expressions (speech): counted lower, held longer</source>
        <translation>Espressioni fugaci (parlando)</translation>
    </message>
    <message>
        <source>Fleeting expressions count</source>
        <translation>Peso delle espressioni fugaci</translation>
    </message>
    <message>
        <source>Fleeting expressions averaged over (s)</source>
        <translation>Espressioni fugaci mediate su (s)</translation>
    </message>
    <message>
        <source>Minimum face size (px)</source>
        <translation>Dimensione minima del volto (px)</translation>
    </message>
    <message>
        <source>Staff zone left</source>
        <translation>Zona del personale: sinistra</translation>
    </message>
    <message>
        <source>Staff zone top</source>
        <translation>Zona del personale: alto</translation>
    </message>
    <message>
        <source>Staff zone width</source>
        <translation>Zona del personale: larghezza</translation>
    </message>
    <message>
        <source>Staff zone height</source>
        <translation>Zona del personale: altezza</translation>
    </message>
    <message>
        <source>Catalog folder</source>
        <translation>Cartella del catalogo</translation>
    </message>
    <message>
        <source>Rotate while nobody is there (s, 0 = off)</source>
        <translation>Rotazione senza visitatori (s, 0 = no)</translation>
    </message>
    <message>
        <source>Crossfade (ms)</source>
        <translation>Dissolvenza (ms)</translation>
    </message>
    <message>
        <source>Dealer logo</source>
        <translation>Logo del concessionario</translation>
    </message>
    <message>
        <source>Show the emotion panel on screen (the privacy notice always shows)</source>
        <translation>Mostrare il pannello delle emozioni sullo schermo (l&apos;avviso sulla privacy resta sempre visibile)</translation>
    </message>
    <message>
        <source>Play music when a visitor looks unhappy</source>
        <translation>Suonare musica quando un visitatore sembra scontento</translation>
    </message>
    <message>
        <source>Music file</source>
        <translation>File musicale</translation>
    </message>
    <message>
        <source>Volume (%)</source>
        <translation>Volume (%)</translation>
    </message>
    <message>
        <source>Fade in (ms)</source>
        <translation>Dissolvenza in entrata (ms)</translation>
    </message>
    <message>
        <source>Fade out (ms)</source>
        <translation>Dissolvenza in uscita (ms)</translation>
    </message>
    <message>
        <source>Keep reaction records (days)</source>
        <translation>Conservare le reazioni (giorni)</translation>
    </message>
    <message>
        <source>Health and metrics port (0 = off)</source>
        <translation>Porta di stato e metriche (0 = no)</translation>
    </message>
    <message>
        <source>Serve health and metrics to the network, not only this PC</source>
        <translation>Offrire stato e metriche alla rete, non solo a questo PC</translation>
    </message>
    <message>
        <source>Degraded after (s) without camera or results</source>
        <translation>Degradato dopo (s) senza telecamera o risultati</translation>
    </message>
    <message>
        <source>Send hourly per-car figures to the central store</source>
        <translation>Inviare i dati orari per auto all&apos;archivio centrale</translation>
    </message>
    <message>
        <source>Central store (PostgreSQL connection, no password)</source>
        <translation>Archivio centrale (connessione PostgreSQL, senza password)</translation>
    </message>
    <message>
        <source>This showroom&apos;s name in the fleet</source>
        <translation>Nome di questo showroom nella rete</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Schermo</translation>
    </message>
    <message>
        <source>Hide the mouse pointer when idle</source>
        <translation>Nascondere il puntatore del mouse se inattivo</translation>
    </message>
    <message>
        <source>Opening hours (screen off outside them)</source>
        <translation>Orari di apertura (schermo spento al di fuori)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>Informativa sulla privacy</translation>
    </message>
    <message>
        <source>Privacy notice (Deutsch)</source>
        <translation>Informativa sulla privacy (Deutsch)</translation>
    </message>
    <message>
        <source>Privacy notice (Français)</source>
        <translation>Informativa sulla privacy (Français)</translation>
    </message>
    <message>
        <source>Privacy notice (Español)</source>
        <translation>Informativa sulla privacy (Español)</translation>
    </message>
    <message>
        <source>Privacy notice (Italiano)</source>
        <translation>Informativa sulla privacy (Italiano)</translation>
    </message>
    <message>
        <source>Operator PIN</source>
        <translation>PIN operatore</translation>
    </message>
    <message>
        <source>{setting}: none chosen; choose at least one of {choices}</source>
        <translation>{setting}: nessuna scelta; sceglierne almeno uno tra {choices}</translation>
    </message>
    <message>
        <source>{setting}: unknown {values}; expected some of {choices}</source>
        <translation>{setting}: sconosciuto: {values}; atteso uno o più tra {choices}</translation>
    </message>
    <message>
        <source>{setting}: expected {kind}, got {value}</source>
        <translation>{setting}: atteso {kind}, ricevuto {value}</translation>
    </message>
    <message>
        <source>{setting}: {value} is not one of {choices}</source>
        <translation>{setting}: {value} non è tra {choices}</translation>
    </message>
    <message>
        <source>{setting}: {value} is outside {low}..{high}</source>
        <translation>{setting}: {value} è fuori da {low}..{high}</translation>
    </message>
    <message>
        <source>{setting}: {value} is not a span like 08:00-20:00 (hours 00-23, minutes 00-59, opening and closing times differ)</source>
        <translation>{setting}: {value} non è un intervallo come 08:00-20:00 (ore 00-23, minuti 00-59, apertura e chiusura diverse)</translation>
    </message>
    <message>
        <source>Release level ({release}) must be below the trigger level ({trigger})</source>
        <translation>La soglia di riarmo ({release}) deve essere inferiore alla soglia di attivazione ({trigger})</translation>
    </message>
    <message>
        <source>Staff zone: it must lie inside the camera picture (x + width and y + height &lt;= 1)</source>
        <translation>Zona del personale: deve trovarsi nell&apos;immagine della telecamera (x + larghezza e y + altezza &lt;= 1)</translation>
    </message>
    <message>
        <source>Central store: {problem}</source>
        <translation>Archivio centrale: {problem}</translation>
    </message>
    <message>
        <source>Central store: sending is on, but no connection string is set</source>
        <translation>Archivio centrale: l&apos;invio è attivo, ma manca la stringa di connessione</translation>
    </message>
    <message>
        <source>This showroom&apos;s name in the fleet: 1 to 200 characters, needed to send figures</source>
        <translation>Nome di questo showroom nella rete: da 1 a 200 caratteri, necessario per l&apos;invio</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Defaults restored on every page: press Apply or OK to keep them. The staff zone and the PIN were kept; clear the staff zone on Detection &amp; reaction if you mean to.</source>
        <translation>Valori predefiniti ripristinati in tutte le pagine: premere Applica o OK per mantenerli. La zona del personale e il PIN sono stati mantenuti; cancellare la zona del personale in Rilevamento e reazione, se lo si desidera.</translation>
    </message>
    <message>
        <source>Reaction records are not available on this kiosk.</source>
        <translation>I dati delle reazioni non sono disponibili su questo chiosco.</translation>
    </message>
    <message>
        <source>Kiosk settings</source>
        <translation>Impostazioni del chiosco</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reazioni</translation>
    </message>
    <message>
        <source>The cars are not saved: see the Cars page.</source>
        <translation>Le auto non sono salvate: vedere la pagina Auto.</translation>
    </message>
    <message>
        <source>Discard the unsaved changes?</source>
        <translation>Scartare le modifiche non salvate?</translation>
    </message>
    <message>
        <source>The changes made on these pages are not saved yet.</source>
        <translation>Le modifiche fatte in queste pagine non sono ancora salvate.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuare a modificare</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Cars</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Sfoglia…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Telecamera</translation>
    </message>
    <message>
        <source>Detection &amp; reaction</source>
        <translation>Rilevamento e reazione</translation>
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
        <translation>Rete e monitoraggio</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Chiosco</translation>
    </message>
    <message>
        <source>Catalog folder {folder} does not exist</source>
        <translation>La cartella del catalogo {folder} non esiste</translation>
    </message>
    <message>
        <source>Music file {file} does not exist</source>
        <translation>Il file musicale {file} non esiste</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>{setting}: cannot read {value}</source>
        <translation>{setting}: impossibile leggere {value}</translation>
    </message>
    <message>
        <source>{file}: [{key}] {problem}; using {default}</source>
        <translation>{file}: [{key}] {problem}; si usa {default}</translation>
    </message>
    <message>
        <source>{file}: {problem}; using the default levels and zone</source>
        <translation>{file}: {problem}; si usano le soglie e la zona predefinite</translation>
    </message>
    <message>
        <source>{file} was written by a newer version (schema {version}); known keys read</source>
        <translation>{file} è stato scritto da una versione più recente (schema {version}); lette le chiavi note</translation>
    </message>
    <message>
        <source>Settings are not saved: {file} cannot be set aside ({why})</source>
        <translation>Le impostazioni non vengono salvate: impossibile mettere da parte {file} ({why})</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read, nor set aside; using defaults</source>
        <translation>Il file delle impostazioni {file} non si è potuto leggere né mettere da parte; si usano i valori predefiniti</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read; kept as {copy}, using defaults</source>
        <translation>Il file delle impostazioni {file} non era leggibile; conservato come {copy}, si usano i valori predefiniti</translation>
    </message>
    <message>
        <source>Settings are not saved: cannot write {file} ({why})</source>
        <translation>Le impostazioni non vengono salvate: impossibile scrivere {file} ({why})</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>sola lettura</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Set up this kiosk</source>
        <translation>Configurare questo chiosco</translation>
    </message>
    <message>
        <source>Set the PIN</source>
        <translation>Imposta il PIN</translation>
    </message>
    <message>
        <source>Choose the operator PIN ({min}–{max} digits). Staff enter it to open the settings (hold the top-left corner for two seconds, or press Ctrl+Alt+S) and to close the kiosk. The showroom starts as soon as the PIN is set.</source>
        <translation>Scegliere il PIN operatore ({min}–{max} cifre). Il personale lo inserisce per aprire le impostazioni (tenere premuto l&apos;angolo in alto a sinistra per due secondi, oppure premere Ctrl+Alt+S) e per chiudere il chiosco. Lo showroom parte appena il PIN è impostato.</translation>
    </message>
</context>
<context>
    <name>ShowroomPage</name>
    <message>
        <source>the cars that come with the kiosk</source>
        <translation>le auto fornite con il chiosco</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>Cars shown now ({count})</source>
        <translation>Auto mostrate ora ({count})</translation>
    </message>
    <message>
        <source>No cars are loaded.</source>
        <translation>Nessuna auto caricata.</translation>
    </message>
    <message>
        <source>They change when the catalog folder above changes (press Apply).</source>
        <translation>Cambiano quando cambia la cartella del catalogo qui sopra (premere Applica).</translation>
    </message>
    <message>
        <source>Logos (*.png *.svg *.jpg *.jpeg *.webp)</source>
        <translation>Loghi (*.png *.svg *.jpg *.jpeg *.webp)</translation>
    </message>
</context>
<context>
    <name>ShowroomView</name>
    <message>
        <source>No cars to show</source>
        <translation>Nessuna auto da mostrare</translation>
    </message>
    <message>
        <source>Hold for settings…</source>
        <translation>Tieni premuto: impostazioni…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Demo mode — no camera found</source>
        <translation>Modalità demo — nessuna telecamera trovata</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Avvio della telecamera…</translation>
    </message>
    <message>
        <source>No camera found and no demo clip — still looking for a camera</source>
        <translation>Nessuna telecamera né video demo — ricerca di una telecamera in corso</translation>
    </message>
    <message>
        <source>Camera {name} live</source>
        <translation>Telecamera {name} attiva</translation>
    </message>
    <message>
        <source>Camera {name} lost — reconnecting…</source>
        <translation>Telecamera {name} persa — riconnessione…</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Apertura di {name}…</translation>
    </message>
    <message>
        <source>Playing {name}</source>
        <translation>Riproduzione di {name}</translation>
    </message>
    <message>
        <source>The video {name} has ended</source>
        <translation>Il video {name} è terminato</translation>
    </message>
    <message>
        <source>The video {name} cannot be played (details in the log)</source>
        <translation>Impossibile riprodurre il video {name} (dettagli nel registro)</translation>
    </message>
    <message>
        <source>Expression analysis off — {file} is missing</source>
        <translation>Analisi delle espressioni disattivata — manca {file}</translation>
    </message>
    <message>
        <source>Expression analysis off — the face detector cannot be loaded (details in the log)</source>
        <translation>Analisi delle espressioni disattivata — impossibile caricare il rilevatore di volti (dettagli nel registro)</translation>
    </message>
    <message>
        <source>Expression analysis off — the model {file} cannot be used (details in the log)</source>
        <translation>Analisi delle espressioni disattivata — il modello {file} non è utilizzabile (dettagli nel registro)</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>Status ({count})</source>
        <translation>Stato ({count})</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Everything works: no problem to report.</source>
        <translation>Tutto funziona: nessun problema da segnalare.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), {serious} of them stopping part of the kiosk&apos;s work.</source>
        <translation>
            <numerusform>%n problema, di cui {serious} bloccano parte del lavoro del chiosco.</numerusform>
            <numerusform>%n problemi, di cui {serious} bloccano parte del lavoro del chiosco.</numerusform>
        </translation>
    </message>
    <message>
        <source>Log: {file}</source>
        <translation>Registro: {file}</translation>
    </message>
    <message>
        <source>Monitoring: {url}/health and {url}/metrics</source>
        <translation>Monitoraggio: {url}/health e {url}/metrics</translation>
    </message>
</context>
<context>
    <name>ZoneEditor</name>
    <message>
        <source>staff — not analysed</source>
        <translation>personale — non analizzato</translation>
    </message>
    <message>
        <source>Drag a rectangle around where staff stand: faces there are not analysed.</source>
        <translation>Trascinare un rettangolo attorno a dove sta il personale: i volti lì non vengono analizzati.</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>In attesa della telecamera…</translation>
    </message>
</context>
</TS>
