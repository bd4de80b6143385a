<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AudioPage</name>
    <message>
        <source>the bundled music</source>
        <translation>la musique fournie</translation>
    </message>
    <message>
        <source>This file cannot be played ({problem}): the bundled track plays instead.</source>
        <translation>Ce fichier ne peut pas être lu ({problem}) : la musique fournie est jouée à la place.</translation>
    </message>
    <message>
        <source>Music ({patterns})</source>
        <translation>Musique ({patterns})</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <source>No camera found on this PC</source>
        <translation>Aucune caméra trouvée sur ce PC</translation>
    </message>
    <message>
        <source>Cameras found</source>
        <translation>Caméras trouvées</translation>
    </message>
    <message>
        <source>The live picture below comes from the running kiosk.</source>
        <translation>L&apos;image en direct ci-dessous provient de la borne en marche.</translation>
    </message>
</context>
<context>
    <name>CarsPage</name>
    <message>
        <source>Changes are kept with Apply or OK; the showroom shows them at once.</source>
        <translation>Les modifications sont gardées avec Appliquer ou OK ; le showroom les affiche aussitôt.</translation>
    </message>
    <message>
        <source>Add a car from a photo…</source>
        <translation>Ajouter une voiture depuis une photo…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Replace the photo…</source>
        <translation>Remplacer la photo…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Tagline</source>
        <translation>Accroche</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Texts in</source>
        <translation>Textes en</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <source>{language} (the catalogue&apos;s language)</source>
        <translation>{language} (langue du catalogue)</translation>
    </message>
    <message>
        <source>label, e.g. Range</source>
        <translation>libellé, p. ex. Autonomie</translation>
    </message>
    <message>
        <source>value, e.g. 510 km</source>
        <translation>valeur, p. ex. 510 km</translation>
    </message>
    <message>
        <source>Cheerful</source>
        <translation>Joyeuse</translation>
    </message>
    <message>
        <source>A visitor who looks unhappy is shown a cheerful car next.</source>
        <translation>Un visiteur qui semble mécontent voit ensuite une voiture joyeuse.</translation>
    </message>
    <message>
        <source>When a visitor looks unhappy at this car, show:</source>
        <translation>Si un visiteur semble mécontent devant cette voiture, montrer :</translation>
    </message>
    <message>
        <source>no price shown</source>
        <translation>aucun prix affiché</translation>
    </message>
    <message>
        <source>These are the cars that come with the kiosk. Add, change or remove cars and press Apply: they become your own catalogue, kept in {folder}.</source>
        <translation>Voici les voitures fournies avec la borne. Ajoutez, modifiez ou retirez des voitures puis appuyez sur Appliquer : elles deviennent votre propre catalogue, conservé dans {folder}.</translation>
    </message>
    <message>
        <source>Your own catalogue, kept in {folder}.</source>
        <translation>Votre propre catalogue, conservé dans {folder}.</translation>
    </message>
    <message>
        <source>The showroom shows the catalogue folder {other} (Showroom page). Changes made here are saved in {folder}, and the showroom then shows them instead.</source>
        <translation>Le showroom affiche le dossier de catalogue {other} (page Showroom). Les modifications faites ici sont enregistrées dans {folder}, et le showroom les affiche alors à la place.</translation>
    </message>
    <message>
        <source>The cars are not saved:</source>
        <translation>Les voitures ne sont pas enregistrées :</translation>
    </message>
    <message>
        <source>This photo cannot be used: {problem}</source>
        <translation>Cette photo est inutilisable : {problem}</translation>
    </message>
    <message>
        <source>No cars yet: add one from a photo.</source>
        <translation>Pas encore de voiture : ajoutez-en une depuis une photo.</translation>
    </message>
    <message>
        <source>Automatic: a cheerful car, else the next one</source>
        <translation>Auto : une joyeuse, sinon la suivante</translation>
    </message>
    <message>
        <source>A photo of the car</source>
        <translation>Une photo de la voiture</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Photos ({patterns})</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <source>The kiosk stopped after {crashes} crashes within {seconds} seconds and will not restart by itself. Please call your service contact. Details are in the log in {folder}.</source>
        <translation>La borne s&apos;est arrêtée après {crashes} plantages en {seconds} secondes et ne redémarrera pas d&apos;elle-même. Veuillez contacter votre service technique. Les détails figurent dans le journal, dans {folder}.</translation>
    </message>
    <message>
        <source>Emotion Kiosk stopped</source>
        <translation>Emotion Kiosk arrêté</translation>
    </message>
</context>
<context>
    <name>DetectionPage</name>
    <message>
        <source>The bar shows the visitor in front of the camera now, against the levels below.</source>
        <translation>La barre montre le visiteur actuellement devant la caméra, par rapport aux seuils ci-dessous.</translation>
    </message>
    <message>
        <source>How the reaction is worked out, in detail: the defaults suit most showrooms.</source>
        <translation>Le calcul détaillé de la réaction : les valeurs par défaut conviennent à la plupart des showrooms.</translation>
    </message>
    <message>
        <source>Staff zone: drag a rectangle on the picture around where staff stand.</source>
        <translation>Zone du personnel : tracez un rectangle sur l&apos;image autour de l&apos;endroit où se tient le personnel.</translation>
    </message>
    <message>
        <source>Clear the staff zone</source>
        <translation>Effacer la zone du personnel</translation>
    </message>
    <message>
        <source>Staff zone</source>
        <translation>Zone du personnel</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Réglages avancés</translation>
    </message>
</context>
<context>
    <name>Emotion</name>
    <message>
        <source>angry</source>
        <translation>en colère</translation>
    </message>
    <message>
        <source>disgust</source>
        <translation>dégoûté</translation>
    </message>
    <message>
        <source>fear</source>
        <translation>apeuré</translation>
    </message>
    <message>
        <source>happy</source>
        <translation>joyeux</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutre</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>triste</translation>
    </message>
    <message>
        <source>surprise</source>
        <translation>surpris</translation>
    </message>
</context>
<context>
    <name>EmotionHud</name>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Mode démo</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Pas de caméra</translation>
    </message>
    <message>
        <source>Negative, last seconds</source>
        <translation>Négatif, à l&apos;instant</translation>
    </message>
    <message>
        <source>resting face</source>
        <translation>visage au repos</translation>
    </message>
    <message>
        <source>showroom reacts</source>
        <translation>le showroom réagit</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconnexion</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Pas d&apos;image</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>non analysé</translation>
    </message>
    <message>
        <source>Seen now, {percent} sure</source>
        <translation>Vu à l&apos;instant, sûr à {percent}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Analysis paused</source>
        <translation>Analyse en pause</translation>
    </message>
    <message>
        <source>Back in a moment</source>
        <translation>De retour dans un instant</translation>
    </message>
    <message>
        <source>Analysis off</source>
        <translation>Sans analyse</translation>
    </message>
    <message>
        <source>No emotion model loaded</source>
        <translation>Aucun modèle d&apos;émotions chargé</translation>
    </message>
    <message>
        <source>No visitor</source>
        <translation>Aucun visiteur</translation>
    </message>
    <message>
        <source>Waiting for someone to look</source>
        <translation>En attente d&apos;un regard</translation>
    </message>
    <message>
        <source>learning…</source>
        <translation>calibrage…</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>The central store&apos;s password is never kept here: store it in this PC&apos;s keyring with `emotion-kiosk fleet password`, or in the PostgreSQL password file (see the README).</source>
        <translation>Le mot de passe de la base centrale n&apos;est jamais conservé ici : enregistrez-le dans le trousseau de ce PC avec `emotion-kiosk fleet password`, ou dans le fichier de mots de passe de PostgreSQL (voir le README).</translation>
    </message>
    <message>
        <source>This kiosk&apos;s id in the fleet</source>
        <translation>Identifiant de cette borne dans le réseau</translation>
    </message>
    <message>
        <source>Made once on this PC: the central store tells kiosks apart by it, not by their names.</source>
        <translation>Créé une fois sur ce PC : la base centrale distingue les bornes par lui, pas par leur nom.</translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <source>Which expressions count as unhappy; together they make the negative level.</source>
        <translation>Les expressions qui comptent comme mécontentes ; ensemble, elles forment le niveau négatif.</translation>
    </message>
    <message>
        <source>How negative the visitor must look before the car changes.</source>
        <translation>À quel point le visiteur doit sembler négatif avant que la voiture change.</translation>
    </message>
    <message>
        <source>The visitor must calm down below this before the car can change again.</source>
        <translation>Le visiteur doit redescendre sous ce niveau avant que la voiture puisse changer à nouveau.</translation>
    </message>
    <message>
        <source>Evens out flicker: more seconds react more calmly, but later.</source>
        <translation>Atténue les variations : plus de secondes, réaction plus calme mais plus tardive.</translation>
    </message>
    <message>
        <source>How long the visitor must stay above the trigger level before the car changes.</source>
        <translation>Combien de temps le visiteur doit rester au-dessus du seuil avant que la voiture change.</translation>
    </message>
    <message>
        <source>The shortest time between two car changes (and two plays of the music).</source>
        <translation>Le délai minimal entre deux changements de voiture (et deux lectures de la musique).</translation>
    </message>
    <message>
        <source>Some faces look serious at rest: react to a change from each visitor&apos;s own face.</source>
        <translation>Certains visages semblent sérieux au repos : réagir à un changement par rapport au visage de chaque visiteur.</translation>
    </message>
    <message>
        <source>How long a new visitor is watched to learn their resting face; no reaction meanwhile.</source>
        <translation>Durée d&apos;observation d&apos;un nouveau visiteur pour apprendre son visage au repos ; aucune réaction pendant ce temps.</translation>
    </message>
    <message>
        <source>How far above their resting face a visitor must go before it counts.</source>
        <translation>De combien un visiteur doit dépasser son visage au repos pour que cela compte.</translation>
    </message>
    <message>
        <source>Expressions that flash by as people talk (such as fear): count less, only if they last.</source>
        <translation>Expressions qui passent quand on parle (comme la peur) : comptent moins, et seulement si elles durent.</translation>
    </message>
    <message>
        <source>How much a fleeting expression counts compared with a clear one (100 % = the same).</source>
        <translation>Poids d&apos;une expression fugace par rapport à une expression nette (100 % = autant).</translation>
    </message>
    <message>
        <source>A fleeting expression counts as its average over this many seconds.</source>
        <translation>Une expression fugace compte pour sa moyenne sur ce nombre de secondes.</translation>
    </message>
    <message>
        <source>Smaller faces (people farther away, passing at the back) are not analysed.</source>
        <translation>Les visages plus petits (personnes plus éloignées, qui passent au fond) ne sont pas analysés.</translation>
    </message>
    <message>
        <source>Where the staff zone starts, from the picture&apos;s left edge.</source>
        <translation>Début de la zone du personnel, depuis le bord gauche de l&apos;image.</translation>
    </message>
    <message>
        <source>Where the staff zone starts, from the picture&apos;s top edge.</source>
        <translation>Début de la zone du personnel, depuis le bord supérieur de l&apos;image.</translation>
    </message>
    <message>
        <source>How wide the staff zone is (0 % = no staff zone).</source>
        <translation>Largeur de la zone du personnel (0 % = aucune zone).</translation>
    </message>
    <message>
        <source>How tall the staff zone is (0 % = no staff zone).</source>
        <translation>Hauteur de la zone du personnel (0 % = aucune zone).</translation>
    </message>
    <message>
        <source>Which camera to use when several are plugged in (0 = the first).</source>
        <translation>La caméra à utiliser quand plusieurs sont branchées (0 = la première).</translation>
    </message>
    <message>
        <source>How the camera is opened; leave on auto unless the camera is not found.</source>
        <translation>Comment la caméra est ouverte ; laissez auto sauf si la caméra n&apos;est pas trouvée.</translation>
    </message>
    <message>
        <source>The picture size asked of the camera; auto keeps the camera&apos;s own.</source>
        <translation>La taille d&apos;image demandée à la caméra ; auto garde celle de la caméra.</translation>
    </message>
    <message>
        <source>Another folder of cars to show (a shared one, say); empty shows the cars of the Cars page.</source>
        <translation>Un autre dossier de voitures à montrer (partagé, par exemple) ; vide, la borne montre les voitures de la page Voitures.</translation>
    </message>
    <message>
        <source>Show the next car after this long while nobody is in front of the screen.</source>
        <translation>Montrer la voiture suivante après ce délai quand personne n&apos;est devant l&apos;écran.</translation>
    </message>
    <message>
        <source>How long one car takes to fade into the next.</source>
        <translation>Durée du fondu d&apos;une voiture à la suivante.</translation>
    </message>
    <message>
        <source>Empty plays the music that comes with the kiosk.</source>
        <translation>Vide : la musique fournie avec la borne.</translation>
    </message>
    <message>
        <source>How long the music takes to rise to its volume.</source>
        <translation>Temps que met la musique pour atteindre son volume.</translation>
    </message>
    <message>
        <source>How long the music takes to fade away at its end.</source>
        <translation>Temps que met la musique pour s&apos;éteindre à la fin.</translation>
    </message>
    <message>
        <source>The IT department&apos;s monitoring asks this PC&apos;s port for /health and /metrics.</source>
        <translation>La supervision du service informatique interroge ce port du PC pour /health et /metrics.</translation>
    </message>
    <message>
        <source>Off: only programs on this PC can ask. On: the showroom network can too.</source>
        <translation>Désactivé : seuls les programmes de ce PC peuvent interroger. Activé : le réseau du showroom aussi.</translation>
    </message>
    <message>
        <source>Report a problem when the camera or the analysis has been silent this long.</source>
        <translation>Signaler un problème quand la caméra ou l&apos;analyse est muette depuis ce délai.</translation>
    </message>
    <message>
        <source>Send each car&apos;s hourly figures (never pictures or single visits) to head office.</source>
        <translation>Envoyer les chiffres horaires de chaque voiture (jamais d&apos;images ni de visites individuelles) au siège.</translation>
    </message>
    <message>
        <source>For example host=db.example.com dbname=showrooms user=kiosk (ask IT).</source>
        <translation>Par exemple host=db.example.com dbname=showrooms user=kiosk (demandez au service informatique).</translation>
    </message>
    <message>
        <source>How this showroom is named in the group&apos;s reports.</source>
        <translation>Le nom de ce showroom dans les rapports du groupe.</translation>
    </message>
    <message>
        <source>The mouse pointer disappears after a few seconds without movement.</source>
        <translation>Le pointeur disparaît après quelques secondes sans mouvement.</translation>
    </message>
    <message>
        <source>For example 08:00-20:00: outside these hours the screen may sleep. Empty keeps it on always.</source>
        <translation>Par exemple 08:00-20:00 : en dehors de ces heures, l&apos;écran peut se mettre en veille. Vide : toujours allumé.</translation>
    </message>
    <message>
        <source>The language of the showroom and of these settings; automatic follows the PC&apos;s language.</source>
        <translation>La langue du showroom et de ces réglages ; automatique suit la langue du PC.</translation>
    </message>
</context>
<context>
    <name>KioskApp</name>
    <message>
        <source>the showroom runs; reactions wait in memory and are written once there is room</source>
        <translation>le showroom fonctionne ; les réactions attendent en mémoire et sont écrites dès qu&apos;il y a de la place</translation>
    </message>
    <message>
        <source>the showroom runs, but settings are not saved and reactions are not recorded</source>
        <translation>le showroom fonctionne, mais ni les réglages ni les réactions ne sont enregistrés</translation>
    </message>
    <message>
        <source>The kiosk is already running ({holder}) with the data folder {folder}. Only one kiosk can run at a time; this one exits.</source>
        <translation>La borne fonctionne déjà ({holder}) avec le dossier de données {folder}. Une seule borne peut fonctionner à la fois ; celle-ci se ferme.</translation>
    </message>
</context>
<context>
    <name>KioskPage</name>
    <message>
        <source>The primary screen</source>
        <translation>L&apos;écran principal</translation>
    </message>
    <message>
        <source>Empty: the standard notice in that language.</source>
        <translation>Vide : l&apos;avis standard dans cette langue.</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>Changer le PIN…</translation>
    </message>
    <message>
        <source>Forgotten PIN: stop the kiosk and, on this PC, run `{command}` in a terminal (or `{folder_command}` in the kiosk&apos;s folder). The kiosk then asks for a new PIN.</source>
        <translation>PIN oublié : arrêtez la borne et, sur ce PC, lancez `{command}` dans un terminal (ou `{folder_command}` dans le dossier de la borne). La borne demande alors un nouveau PIN.</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>Quitter la borne</translation>
    </message>
    <message>
        <source>{screen} (not connected)</source>
        <translation>{screen} (non connecté)</translation>
    </message>
    <message>
        <source>New PIN chosen: press Apply or OK to keep it.</source>
        <translation>Nouveau PIN choisi : appuyez sur Appliquer ou OK pour le garder.</translation>
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
        <translation>en attente de la caméra…</translation>
    </message>
    <message>
        <source>nobody in front of the camera</source>
        <translation>personne devant la caméra</translation>
    </message>
    <message>
        <source>learning the resting face…</source>
        <translation>apprentissage du visage au repos…</translation>
    </message>
    <message>
        <source>{percent} now</source>
        <translation>{percent} maintenant</translation>
    </message>
    <message>
        <source>Negative reaction (live)</source>
        <translation>Réaction négative (en direct)</translation>
    </message>
    <message>
        <source>trigger {percent}</source>
        <translation>seuil {percent}</translation>
    </message>
    <message>
        <source>release {percent}</source>
        <translation>réarmement {percent}</translation>
    </message>
    <message>
        <source>resting</source>
        <translation>repos</translation>
    </message>
</context>
<context>
    <name>MusicPreview</name>
    <message>
        <source>Play</source>
        <translation>Écouter</translation>
    </message>
    <message>
        <source>No audio output found on this PC: connect speakers, then press Play again.</source>
        <translation>Aucune sortie audio trouvée sur ce PC : branchez des haut-parleurs, puis appuyez de nouveau sur Écouter.</translation>
    </message>
    <message>
        <source>Playing {name} at {volume} % volume.</source>
        <translation>Lecture de {name} à {volume} % du volume.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Could not play: {problem}</source>
        <translation>Lecture impossible : {problem}</translation>
    </message>
    <message>
        <source>The chosen music cannot be played ({problem}); the bundled track plays instead.</source>
        <translation>La musique choisie ne peut pas être lue ({problem}) ; la musique fournie est jouée à la place.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>The stored operator PIN is damaged, so no PIN can match it. Stop the kiosk and, on this PC, run `{command}` in a terminal (or `{folder_command}` in the kiosk&apos;s folder) to clear it; the kiosk then asks for a new PIN.</source>
        <translation>Le PIN opérateur enregistré est endommagé : aucun PIN ne peut lui correspondre. Arrêtez la borne et, sur ce PC, lancez `{command}` dans un terminal (ou `{folder_command}` dans le dossier de la borne) pour l&apos;effacer ; la borne demande alors un nouveau PIN.</translation>
    </message>
    <message>
        <source>Operator PIN</source>
        <translation>PIN opérateur</translation>
    </message>
    <message>
        <source>Enter the PIN to open the settings</source>
        <translation>Saisissez le PIN pour ouvrir les réglages</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Fermer la borne</translation>
    </message>
    <message>
        <source>Enter the PIN to close the kiosk</source>
        <translation>Saisissez le PIN pour fermer la borne</translation>
    </message>
    <message>
        <source>New operator PIN</source>
        <translation>Nouveau PIN opérateur</translation>
    </message>
    <message>
        <source>Choose the new operator PIN ({min}–{max} digits)</source>
        <translation>Choisissez le nouveau PIN opérateur ({min} à {max} chiffres)</translation>
    </message>
    <message>
        <source>Choose an operator PIN ({min}–{max} digits). It protects the settings and closing the kiosk.</source>
        <translation>Choisissez un PIN opérateur ({min} à {max} chiffres). Il protège les réglages et la fermeture de la borne.</translation>
    </message>
    <message>
        <source>Create operator PIN</source>
        <translation>Créer le PIN opérateur</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Répétez le nouveau PIN</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Not checked: after several wrong PINs the kiosk waits {time} before it checks the next one.</source>
        <translation>Non vérifié : après plusieurs PIN erronés, la borne attend {time} avant de vérifier le suivant.</translation>
    </message>
    <message>
        <source>The PIN must have {min} to {max} digits.</source>
        <translation>Le PIN doit comporter de {min} à {max} chiffres.</translation>
    </message>
    <message>
        <source>The two PINs differ. Please type it again.</source>
        <translation>Les deux PIN diffèrent. Veuillez le saisir à nouveau.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN incorrect.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in {time}.</source>
        <translation>PIN incorrect. Réessayez dans {time}.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Vous pouvez réessayer maintenant.</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>No operator PIN yet</source>
        <translation>Pas encore de PIN opérateur</translation>
    </message>
    <message>
        <source>No camera: the demo clip plays</source>
        <translation>Pas de caméra : la vidéo de démonstration tourne</translation>
    </message>
    <message>
        <source>No camera and no demo clip</source>
        <translation>Ni caméra ni vidéo de démonstration</translation>
    </message>
    <message>
        <source>The camera is lost</source>
        <translation>La caméra est perdue</translation>
    </message>
    <message>
        <source>The video cannot be played</source>
        <translation>La vidéo ne peut pas être lue</translation>
    </message>
    <message>
        <source>Expression analysis is off</source>
        <translation>L&apos;analyse des expressions est désactivée</translation>
    </message>
    <message>
        <source>Expression analysis is failing</source>
        <translation>L&apos;analyse des expressions échoue</translation>
    </message>
    <message>
        <source>Reactions are not being recorded</source>
        <translation>Les réactions ne sont pas enregistrées en ce moment</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Le disque est plein</translation>
    </message>
    <message>
        <source>The data folder cannot be written</source>
        <translation>Impossible d&apos;écrire dans le dossier de données</translation>
    </message>
    <message>
        <source>The central store does not take this kiosk&apos;s figures</source>
        <translation>La base centrale ne reçoit pas les chiffres de cette borne</translation>
    </message>
    <message>
        <source>Another kiosk uses this kiosk&apos;s name in the fleet</source>
        <translation>Une autre borne utilise le nom de celle-ci dans le réseau</translation>
    </message>
    <message>
        <source>The settings cannot be saved</source>
        <translation>Les réglages ne peuvent pas être enregistrés</translation>
    </message>
    <message>
        <source>Some settings were not valid</source>
        <translation>Certains réglages n&apos;étaient pas valides</translation>
    </message>
    <message>
        <source>A car cannot be shown as it was set up</source>
        <translation>Une voiture ne peut pas être présentée comme prévu</translation>
    </message>
    <message>
        <source>The music cannot be played</source>
        <translation>La musique ne peut pas être jouée</translation>
    </message>
    <message>
        <source>Health and metrics are not served</source>
        <translation>L&apos;état et les métriques ne sont pas servis</translation>
    </message>
    <message>
        <source>The stored operator PIN is damaged</source>
        <translation>Le PIN opérateur enregistré est endommagé</translation>
    </message>
    <message>
        <source>The screen may blank</source>
        <translation>L&apos;écran peut s&apos;éteindre</translation>
    </message>
    <message>
        <source>The reaction database was deleted and started anew</source>
        <translation>La base des réactions a été supprimée et recréée</translation>
    </message>
    <message>
        <source>A damaged reaction database was set aside</source>
        <translation>Une base des réactions endommagée a été mise de côté</translation>
    </message>
    <message>
        <source>Choose the PIN on the set-up screen, or run `emotion-kiosk set-pin` on this PC.</source>
        <translation>Choisissez le PIN sur l&apos;écran de mise en service, ou lancez `emotion-kiosk set-pin` sur ce PC.</translation>
    </message>
    <message>
        <source>Connect the camera, or check its number on the Camera page. The kiosk switches to it by itself.</source>
        <translation>Branchez la caméra ou vérifiez son numéro à la page Caméra. La borne bascule d&apos;elle-même vers elle.</translation>
    </message>
    <message>
        <source>Connect the camera; the kiosk keeps looking for it.</source>
        <translation>Branchez la caméra ; la borne continue de la chercher.</translation>
    </message>
    <message>
        <source>Check the camera&apos;s cable and power; the kiosk reconnects by itself.</source>
        <translation>Vérifiez le câble et l&apos;alimentation de la caméra ; la borne se reconnecte d&apos;elle-même.</translation>
    </message>
    <message>
        <source>Check the video file the kiosk was started with.</source>
        <translation>Vérifiez le fichier vidéo avec lequel la borne a été lancée.</translation>
    </message>
    <message>
        <source>Reinstall the kiosk, or check the model file named in the details.</source>
        <translation>Réinstallez la borne, ou vérifiez le fichier de modèle indiqué dans les détails.</translation>
    </message>
    <message>
        <source>Restart the kiosk; if this stays, send the log to your service contact.</source>
        <translation>Redémarrez la borne ; si cela persiste, envoyez le journal à votre contact de maintenance.</translation>
    </message>
    <message>
        <source>Recording is retried by itself and nothing waiting is lost while the kiosk runs; the details say what stands in the way.</source>
        <translation>L&apos;enregistrement est réessayé automatiquement et rien de ce qui attend n&apos;est perdu tant que la borne fonctionne ; les détails indiquent ce qui bloque.</translation>
    </message>
    <message>
        <source>Free some space on this disk. Reactions wait in memory and are written once there is room.</source>
        <translation>Libérez de la place sur ce disque. Les réactions attendent en mémoire et sont écrites dès qu&apos;il y a de la place.</translation>
    </message>
    <message>
        <source>Make the data folder writable for the kiosk&apos;s user, then restart the kiosk.</source>
        <translation>Rendez le dossier de données accessible en écriture à l&apos;utilisateur de la borne, puis redémarrez la borne.</translation>
    </message>
    <message>
        <source>The figures wait in this kiosk and are sent once the central store takes them. {cause}</source>
        <translation>Les chiffres attendent dans cette borne et sont envoyés dès que la base centrale les accepte. {cause}</translation>
    </message>
    <message>
        <source>Each kiosk keeps its own figures, but reports name both alike: give this one a name of its own on the Fleet &amp; monitoring page.</source>
        <translation>Chaque borne garde ses propres chiffres, mais les rapports les nomment de la même façon : donnez à celle-ci un nom à elle à la page Réseau et supervision.</translation>
    </message>
    <message>
        <source>Changes apply until the kiosk restarts. Make the settings file writable to keep them.</source>
        <translation>Les modifications valent jusqu&apos;au redémarrage de la borne. Rendez le fichier de réglages accessible en écriture pour les garder.</translation>
    </message>
    <message>
        <source>The kiosk uses the defaults for them: correct them in the settings and save.</source>
        <translation>La borne utilise pour eux les valeurs par défaut : corrigez-les dans les réglages et enregistrez.</translation>
    </message>
    <message>
        <source>Fix the car on the Cars page, or in the catalogue folder.</source>
        <translation>Corrigez la voiture à la page Voitures, ou dans le dossier du catalogue.</translation>
    </message>
    <message>
        <source>Check the speakers, and the music file on the Audio page.</source>
        <translation>Vérifiez les haut-parleurs, et le fichier de musique à la page Audio.</translation>
    </message>
    <message>
        <source>Another program uses the port: choose another one on the Fleet &amp; monitoring page.</source>
        <translation>Un autre programme utilise le port : choisissez-en un autre à la page Réseau et supervision.</translation>
    </message>
    <message>
        <source>Check the fleet user and password (Fleet &amp; monitoring page).</source>
        <translation>Vérifiez l&apos;utilisateur et le mot de passe du réseau (page Réseau et supervision).</translation>
    </message>
    <message>
        <source>Complete the settings on the Fleet &amp; monitoring page.</source>
        <translation>Complétez les réglages à la page Réseau et supervision.</translation>
    </message>
    <message>
        <source>Stop the kiosk and run `emotion-kiosk reset-pin` on this PC, then set a new PIN.</source>
        <translation>Arrêtez la borne et lancez `emotion-kiosk reset-pin` sur ce PC, puis définissez un nouveau PIN.</translation>
    </message>
    <message>
        <source>Turn off the screensaver and the display&apos;s power saving in the desktop&apos;s settings.</source>
        <translation>Désactivez l&apos;économiseur d&apos;écran et la mise en veille de l&apos;écran dans les réglages du bureau.</translation>
    </message>
    <message>
        <source>Reactions recorded before that are gone; recording goes on in the new file.</source>
        <translation>Les réactions enregistrées avant sont perdues ; l&apos;enregistrement continue dans le nouveau fichier.</translation>
    </message>
    <message>
        <source>The old file is kept beside the new one (see the details); recording goes on.</source>
        <translation>L&apos;ancien fichier est conservé à côté du nouveau (voir les détails) ; l&apos;enregistrement continue.</translation>
    </message>
    <message>
        <source>Check the network and the server&apos;s address.</source>
        <translation>Vérifiez le réseau et l&apos;adresse du serveur.</translation>
    </message>
    <message>
        <source>The central store is newer than this kiosk: update the kiosk.</source>
        <translation>La base centrale est plus récente que cette borne : mettez la borne à jour.</translation>
    </message>
    <message>
        <source>Give the fleet&apos;s database role the rights the README lists.</source>
        <translation>Accordez au rôle de base de données du réseau les droits indiqués dans le README.</translation>
    </message>
</context>
<context>
    <name>ReactionRecords</name>
    <message>
        <source>The reaction database {file} could not be read. It was kept as {copy} in {folder}, and a new, empty database was started: reactions are recorded again.</source>
        <translation>La base des réactions {file} était illisible. Elle a été conservée sous le nom {copy} dans {folder}, et une nouvelle base vide a été créée : les réactions sont de nouveau enregistrées.</translation>
    </message>
    <message>
        <source>The reaction database {file} is read-only (or its folder is): reactions are not recorded this session. `python -m kiosk report` can still read it.</source>
        <translation>La base des réactions {file} est en lecture seule (ou son dossier) : aucune réaction n&apos;est enregistrée pendant cette session. `python -m kiosk report` peut toujours la lire.</translation>
    </message>
    <message>
        <source>Reactions are not recorded: {file} cannot be opened (details in the log).</source>
        <translation>Les réactions ne sont pas enregistrées : impossible d&apos;ouvrir {file} (détails dans le journal).</translation>
    </message>
</context>
<context>
    <name>ReactionsPage</name>
    <message>
        <source>Car</source>
        <translation>Voiture</translation>
    </message>
    <message>
        <source>Exposures</source>
        <translation>Affichages</translation>
    </message>
    <message>
        <source>Visitor time</source>
        <translation>Temps de visite</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <source>Reaction switches</source>
        <translation>Changements</translation>
    </message>
    <message>
        <source>Uplift success</source>
        <translation>Succès musique</translation>
    </message>
    <message>
        <source>The car, by the name the showroom shows.</source>
        <translation>La voiture, sous le nom affiché dans le showroom.</translation>
    </message>
    <message>
        <source>How many times the car was shown.</source>
        <translation>Nombre de fois où la voiture a été affichée.</translation>
    </message>
    <message>
        <source>How long visitors watched it (min:s).</source>
        <translation>Combien de temps les visiteurs l&apos;ont regardée (min:s).</translation>
    </message>
    <message>
        <source>Share of that time visitors looked happy or surprised.</source>
        <translation>Part de ce temps où les visiteurs semblaient joyeux ou surpris.</translation>
    </message>
    <message>
        <source>Share of that time visitors looked angry, disgusted, afraid or sad.</source>
        <translation>Part de ce temps où les visiteurs semblaient en colère, dégoûtés, apeurés ou tristes.</translation>
    </message>
    <message>
        <source>How often the car was changed because the visitor looked unhappy.</source>
        <translation>Nombre de changements de voiture dus à un visiteur qui semblait mécontent.</translation>
    </message>
    <message>
        <source>After the music played: how often the visitor looked less unhappy 10 s later.</source>
        <translation>Après la musique : combien de fois le visiteur semblait moins mécontent 10 s plus tard.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Positive&lt;/b&gt; and &lt;b&gt;Negative&lt;/b&gt; need not add up to 100 %: the rest of the time visitors looked neutral. &lt;b&gt;Uplift success&lt;/b&gt; shows – when no music played while that car was shown (music off, or nobody looked unhappy enough). &lt;b&gt;Reaction switches&lt;/b&gt;: the car changed because the visitor looked unhappy. Hover over a column title for more.</source>
        <translation>&lt;b&gt;Positif&lt;/b&gt; et &lt;b&gt;Négatif&lt;/b&gt; ne totalisent pas forcément 100 % : le reste du temps, les visiteurs semblaient neutres. &lt;b&gt;Succès musique&lt;/b&gt; affiche – quand aucune musique n&apos;a été jouée pendant que cette voiture était affichée (musique désactivée, ou personne n&apos;a semblé assez mécontent). &lt;b&gt;Changements&lt;/b&gt; : la voiture a changé parce que le visiteur semblait mécontent. Survolez un titre de colonne pour en savoir plus.</translation>
    </message>
    <message>
        <source>Only per-showing totals are kept: no images, no faces, nothing that identifies a visitor.</source>
        <translation>Seuls les totaux par affichage sont conservés : aucune image, aucun visage, rien qui identifie un visiteur.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>La date de début est postérieure à la date de fin.</translation>
    </message>
    <message>
        <source>Could not read the reaction database: {error}</source>
        <translation>Impossible de lire la base des réactions : {error}</translation>
    </message>
    <message>
        <source>Could not write {file}: {error}</source>
        <translation>Impossible d&apos;écrire {file} : {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n cars to {file}</source>
        <translation>
            <numerusform>%n voiture exportée vers {file}</numerusform>
            <numerusform>%n voitures exportées vers {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> days</source>
        <comment>after the number of days to keep reactions</comment>
        <translation>
            <numerusform> jour</numerusform>
            <numerusform> jours</numerusform>
        </translation>
    </message>
    <message>
        <source>{exposures} of {cars}, {time} (min:s) of visitor time.</source>
        <translation>{exposures} de {cars}, {time} (min:s) de temps de visite.</translation>
    </message>
    <message numerus="yes">
        <source>%n exposures</source>
        <comment>the first count of: 3 exposures of 2 cars</comment>
        <translation>
            <numerusform>%n affichage</numerusform>
            <numerusform>%n affichages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cars</source>
        <comment>the second count, after &apos;of&apos;: 3 exposures of 2 cars</comment>
        <translation>
            <numerusform>%n voiture</numerusform>
            <numerusform>%n voitures</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Erase all…</source>
        <translation>Tout effacer…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Keep reactions for</source>
        <translation>Conserver les réactions pendant</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Réactions</translation>
    </message>
    <message>
        <source>Export reactions</source>
        <translation>Exporter les réactions</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Erase all reactions</source>
        <translation>Effacer toutes les réactions</translation>
    </message>
    <message>
        <source>Delete every recorded exposure, for all cars and dates? This cannot be undone.</source>
        <translation>Supprimer tous les affichages enregistrés, pour toutes les voitures et toutes les dates ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Could not erase the reactions: {error}</source>
        <translation>Impossible d&apos;effacer les réactions : {error}</translation>
    </message>
    <message>
        <source>Exposures erased: {count}.</source>
        <translation>Affichages effacés : {count}.</translation>
    </message>
    <message>
        <source>No exposures recorded from {since} to {until}.</source>
        <translation>Aucun affichage enregistré du {since} au {until}.</translation>
    </message>
</context>
<context>
    <name>Runtime</name>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>the data folder {folder} cannot be created ({why})</source>
        <translation>impossible de créer le dossier de données {folder} ({why})</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>no permission</source>
        <translation>pas d&apos;autorisation</translation>
    </message>
    <message>
        <source>the disk holding the data folder {folder} is full</source>
        <translation>le disque qui contient le dossier de données {folder} est plein</translation>
    </message>
    <message>
        <source>the data folder {folder} is read-only</source>
        <translation>le dossier de données {folder} est en lecture seule</translation>
    </message>
    <message>
        <source>the data folder {folder} is read-only for this user: no permission to write in it</source>
        <translation>le dossier de données {folder} est en lecture seule pour cet utilisateur : pas d&apos;autorisation d&apos;y écrire</translation>
    </message>
    <message>
        <source>the data folder {folder} cannot be written ({why})</source>
        <translation>impossible d&apos;écrire dans le dossier de données {folder} ({why})</translation>
    </message>
    <message>
        <source>the lock file {file} cannot be created</source>
        <translation>impossible de créer le fichier de verrou {file}</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>processus {pid} sur {host}</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>un autre processus</translation>
    </message>
</context>
<context>
    <name>Scene</name>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>This screen estimates facial expressions on this device only, to adapt what it shows. No images are stored or sent.</source>
        <translation>Cet écran estime les expressions du visage uniquement sur cet appareil, pour adapter ce qu&apos;il affiche. Aucune image n&apos;est enregistrée ni transmise.</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>Automatique (langue du système)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Capture backend</source>
        <translation>Interface de capture</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>Show the camera preview on screen</source>
        <translation>Afficher l&apos;image de la caméra à l&apos;écran</translation>
    </message>
    <message>
        <source>Negative expressions</source>
        <translation>Expressions négatives</translation>
    </message>
    <message>
        <source>Trigger level</source>
        <translation>Seuil de déclenchement</translation>
    </message>
    <message>
        <source>Release level</source>
        <translation>Seuil de réarmement</translation>
    </message>
    <message>
        <source>Smoothing (s)</source>
        <translation>Lissage (s)</translation>
    </message>
    <message>
        <source>Dwell above trigger (s)</source>
        <translation>Durée au-dessus du seuil (s)</translation>
    </message>
    <message>
        <source>Cooldown (s)</source>
        <translation>Pause après un changement (s)</translation>
    </message>
    <message>
        <source>Learn each visitor&apos;s resting face before reacting</source>
        <translation>Apprendre d&apos;abord le visage au repos de chaque visiteur</translation>
    </message>
    <message>
        <source>Resting face learnt over (s)</source>
        <translation>Visage au repos appris sur (s)</translation>
    </message>
    <message>
        <source>React only this far above the resting face</source>
        <translation>Marge au-dessus du visage au repos</translation>
    </message>
    <message>
        <source>Fleeting expressions (speech): counted lower, held longer</source>
        <translation>Expressions fugaces (en parlant)</translation>
    </message>
    <message>
        <source>Fleeting expressions count</source>
        <translation>Poids des expressions fugaces</translation>
    </message>
    <message>
        <source>Fleeting expressions averaged over (s)</source>
        <translation>Expressions fugaces moyennées sur (s)</translation>
    </message>
    <message>
        <source>Minimum face size (px)</source>
        <translation>Taille minimale du visage (px)</translation>
    </message>
    <message>
        <source>Staff zone left</source>
        <translation>Zone du personnel : gauche</translation>
    </message>
    <message>
        <source>Staff zone top</source>
        <translation>Zone du personnel : haut</translation>
    </message>
    <message>
        <source>Staff zone width</source>
        <translation>Zone du personnel : largeur</translation>
    </message>
    <message>
        <source>Staff zone height</source>
        <translation>Zone du personnel : hauteur</translation>
    </message>
    <message>
        <source>Catalog folder</source>
        <translation>Dossier du catalogue</translation>
    </message>
    <message>
        <source>Rotate while nobody is there (s, 0 = off)</source>
        <translation>Défilement sans visiteur (s, 0 = désactivé)</translation>
    </message>
    <message>
        <source>Crossfade (ms)</source>
        <translation>Fondu enchaîné (ms)</translation>
    </message>
    <message>
        <source>Dealer logo</source>
        <translation>Logo du concessionnaire</translation>
    </message>
    <message>
        <source>Show the emotion panel on screen (the privacy notice always shows)</source>
        <translation>Afficher le panneau des émotions à l&apos;écran (l&apos;avis de confidentialité reste toujours affiché)</translation>
    </message>
    <message>
        <source>Play music when a visitor looks unhappy</source>
        <translation>Jouer de la musique quand un visiteur semble mécontent</translation>
    </message>
    <message>
        <source>Music file</source>
        <translation>Fichier musical</translation>
    </message>
    <message>
        <source>Volume (%)</source>
        <translation>Volume (%)</translation>
    </message>
    <message>
        <source>Fade in (ms)</source>
        <translation>Fondu d&apos;entrée (ms)</translation>
    </message>
    <message>
        <source>Fade out (ms)</source>
        <translation>Fondu de sortie (ms)</translation>
    </message>
    <message>
        <source>Keep reaction records (days)</source>
        <translation>Conserver les réactions (jours)</translation>
    </message>
    <message>
        <source>Health and metrics port (0 = off)</source>
        <translation>Port d&apos;état et de métriques (0 = désactivé)</translation>
    </message>
    <message>
        <source>Serve health and metrics to the network, not only this PC</source>
        <translation>Publier l&apos;état et les métriques sur le réseau, pas seulement sur ce PC</translation>
    </message>
    <message>
        <source>Degraded after (s) without camera or results</source>
        <translation>Dégradé après (s) sans caméra ni résultat</translation>
    </message>
    <message>
        <source>Send hourly per-car figures to the central store</source>
        <translation>Envoyer les chiffres horaires par voiture à la base centrale</translation>
    </message>
    <message>
        <source>Central store (PostgreSQL connection, no password)</source>
        <translation>Base centrale (connexion PostgreSQL, sans mot de passe)</translation>
    </message>
    <message>
        <source>This showroom&apos;s name in the fleet</source>
        <translation>Nom de ce showroom dans le réseau</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Écran</translation>
    </message>
    <message>
        <source>Hide the mouse pointer when idle</source>
        <translation>Masquer le pointeur de la souris au repos</translation>
    </message>
    <message>
        <source>Opening hours (screen off outside them)</source>
        <translation>Heures d&apos;ouverture (écran éteint en dehors)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>Avis de confidentialité</translation>
    </message>
    <message>
        <source>Privacy notice (Deutsch)</source>
        <translation>Avis de confidentialité (Deutsch)</translation>
    </message>
    <message>
        <source>Privacy notice (Français)</source>
        <translation>Avis de confidentialité (Français)</translation>
    </message>
    <message>
        <source>Privacy notice (Español)</source>
        <translation>Avis de confidentialité (Español)</translation>
    </message>
    <message>
        <source>Privacy notice (Italiano)</source>
        <translation>Avis de confidentialité (Italiano)</translation>
    </message>
    <message>
        <source>Operator PIN</source>
        <translation>PIN opérateur</translation>
    </message>
    <message>
        <source>{setting}: none chosen; choose at least one of {choices}</source>
        <translation>{setting} : aucun choix ; choisissez au moins l&apos;un de {choices}</translation>
    </message>
    <message>
        <source>{setting}: unknown {values}; expected some of {choices}</source>
        <translation>{setting} : inconnu : {values} ; attendu : certains de {choices}</translation>
    </message>
    <message>
        <source>{setting}: expected {kind}, got {value}</source>
        <translation>{setting} : {kind} attendu, reçu {value}</translation>
    </message>
    <message>
        <source>{setting}: {value} is not one of {choices}</source>
        <translation>{setting} : {value} ne fait pas partie de {choices}</translation>
    </message>
    <message>
        <source>{setting}: {value} is outside {low}..{high}</source>
        <translation>{setting} : {value} est hors de {low}..{high}</translation>
    </message>
    <message>
        <source>{setting}: {value} is not a span like 08:00-20:00 (hours 00-23, minutes 00-59, opening and closing times differ)</source>
        <translation>{setting} : {value} n&apos;est pas une plage comme 08:00-20:00 (heures 00-23, minutes 00-59, ouverture et fermeture différentes)</translation>
    </message>
    <message>
        <source>Release level ({release}) must be below the trigger level ({trigger})</source>
        <translation>Le seuil de réarmement ({release}) doit être inférieur au seuil de déclenchement ({trigger})</translation>
    </message>
    <message>
        <source>Staff zone: it must lie inside the camera picture (x + width and y + height &lt;= 1)</source>
        <translation>Zone du personnel : elle doit se trouver dans l&apos;image de la caméra (x + largeur et y + hauteur &lt;= 1)</translation>
    </message>
    <message>
        <source>Central store: {problem}</source>
        <translation>Base centrale : {problem}</translation>
    </message>
    <message>
        <source>Central store: sending is on, but no connection string is set</source>
        <translation>Base centrale : l&apos;envoi est activé, mais aucune chaîne de connexion n&apos;est définie</translation>
    </message>
    <message>
        <source>This showroom&apos;s name in the fleet: 1 to 200 characters, needed to send figures</source>
        <translation>Nom de ce showroom dans le réseau : 1 à 200 caractères, nécessaire pour l&apos;envoi</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Defaults restored on every page: press Apply or OK to keep them. The staff zone and the PIN were kept; clear the staff zone on Detection &amp; reaction if you mean to.</source>
        <translation>Valeurs par défaut rétablies sur toutes les pages : appuyez sur Appliquer ou OK pour les garder. La zone du personnel et le PIN ont été conservés ; effacez la zone du personnel dans Détection et réaction si vous le souhaitez.</translation>
    </message>
    <message>
        <source>Reaction records are not available on this kiosk.</source>
        <translation>Les données de réaction ne sont pas disponibles sur cette borne.</translation>
    </message>
    <message>
        <source>Kiosk settings</source>
        <translation>Réglages de la borne</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Réactions</translation>
    </message>
    <message>
        <source>The cars are not saved: see the Cars page.</source>
        <translation>Les voitures ne sont pas enregistrées : voir la page Voitures.</translation>
    </message>
    <message>
        <source>Discard the unsaved changes?</source>
        <translation>Abandonner les modifications non enregistrées ?</translation>
    </message>
    <message>
        <source>The changes made on these pages are not saved yet.</source>
        <translation>Les modifications faites sur ces pages ne sont pas encore enregistrées.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Cars</source>
        <translation>Voitures</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Detection &amp; reaction</source>
        <translation>Détection et réaction</translation>
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
        <translation>Réseau et supervision</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Borne</translation>
    </message>
    <message>
        <source>Catalog folder {folder} does not exist</source>
        <translation>Le dossier du catalogue {folder} n&apos;existe pas</translation>
    </message>
    <message>
        <source>Music file {file} does not exist</source>
        <translation>Le fichier musical {file} n&apos;existe pas</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>{setting}: cannot read {value}</source>
        <translation>{setting} : impossible de lire {value}</translation>
    </message>
    <message>
        <source>{file}: [{key}] {problem}; using {default}</source>
        <translation>{file} : [{key}] {problem} ; valeur utilisée : {default}</translation>
    </message>
    <message>
        <source>{file}: {problem}; using the default levels and zone</source>
        <translation>{file} : {problem} ; seuils et zone par défaut utilisés</translation>
    </message>
    <message>
        <source>{file} was written by a newer version (schema {version}); known keys read</source>
        <translation>{file} a été écrit par une version plus récente (schéma {version}) ; clés connues lues</translation>
    </message>
    <message>
        <source>Settings are not saved: {file} cannot be set aside ({why})</source>
        <translation>Les réglages ne sont pas enregistrés : impossible de mettre {file} de côté ({why})</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read, nor set aside; using defaults</source>
        <translation>Le fichier de réglages {file} n&apos;a pu être ni lu ni mis de côté ; valeurs par défaut utilisées</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read; kept as {copy}, using defaults</source>
        <translation>Le fichier de réglages {file} était illisible ; conservé sous {copy}, valeurs par défaut utilisées</translation>
    </message>
    <message>
        <source>Settings are not saved: cannot write {file} ({why})</source>
        <translation>Les réglages ne sont pas enregistrés : impossible d&apos;écrire {file} ({why})</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Set up this kiosk</source>
        <translation>Mettre en service cette borne</translation>
    </message>
    <message>
        <source>Set the PIN</source>
        <translation>Définir le PIN</translation>
    </message>
    <message>
        <source>Choose the operator PIN ({min}–{max} digits). Staff enter it to open the settings (hold the top-left corner for two seconds, or press Ctrl+Alt+S) and to close the kiosk. The showroom starts as soon as the PIN is set.</source>
        <translation>Choisissez le PIN opérateur ({min} à {max} chiffres). Le personnel le saisit pour ouvrir les réglages (maintenir le coin supérieur gauche deux secondes, ou appuyer sur Ctrl+Alt+S) et pour fermer la borne. Le showroom démarre dès que le PIN est défini.</translation>
    </message>
</context>
<context>
    <name>ShowroomPage</name>
    <message>
        <source>the cars that come with the kiosk</source>
        <translation>les voitures fournies avec la borne</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Cars shown now ({count})</source>
        <translation>Voitures affichées ({count})</translation>
    </message>
    <message>
        <source>No cars are loaded.</source>
        <translation>Aucune voiture chargée.</translation>
    </message>
    <message>
        <source>They change when the catalog folder above changes (press Apply).</source>
        <translation>Elles changent quand le dossier du catalogue ci-dessus change (appuyez sur Appliquer).</translation>
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
        <translation>Aucune voiture à montrer</translation>
    </message>
    <message>
        <source>Hold for settings…</source>
        <translation>Maintenir : réglages…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Demo mode — no camera found</source>
        <translation>Mode démo — aucune caméra trouvée</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <source>No camera found and no demo clip — still looking for a camera</source>
        <translation>Ni caméra ni clip de démo — recherche d&apos;une caméra en cours</translation>
    </message>
    <message>
        <source>Camera {name} live</source>
        <translation>Caméra {name} en direct</translation>
    </message>
    <message>
        <source>Camera {name} lost — reconnecting…</source>
        <translation>Caméra {name} perdue — reconnexion…</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Ouverture de {name}…</translation>
    </message>
    <message>
        <source>Playing {name}</source>
        <translation>Lecture de {name}</translation>
    </message>
    <message>
        <source>The video {name} has ended</source>
        <translation>La vidéo {name} est terminée</translation>
    </message>
    <message>
        <source>The video {name} cannot be played (details in the log)</source>
        <translation>Impossible de lire la vidéo {name} (détails dans le journal)</translation>
    </message>
    <message>
        <source>Expression analysis off — {file} is missing</source>
        <translation>Analyse des expressions désactivée — {file} est introuvable</translation>
    </message>
    <message>
        <source>Expression analysis off — the face detector cannot be loaded (details in the log)</source>
        <translation>Analyse des expressions désactivée — impossible de charger le détecteur de visages (détails dans le journal)</translation>
    </message>
    <message>
        <source>Expression analysis off — the model {file} cannot be used (details in the log)</source>
        <translation>Analyse des expressions désactivée — le modèle {file} est inutilisable (détails dans le journal)</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>Status ({count})</source>
        <translation>État ({count})</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Everything works: no problem to report.</source>
        <translation>Tout fonctionne : aucun problème à signaler.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), {serious} of them stopping part of the kiosk&apos;s work.</source>
        <translation>
            <numerusform>%n problème, dont {serious} qui bloquent une partie du travail de la borne.</numerusform>
            <numerusform>%n problèmes, dont {serious} qui bloquent une partie du travail de la borne.</numerusform>
        </translation>
    </message>
    <message>
        <source>Log: {file}</source>
        <translation>Journal : {file}</translation>
    </message>
    <message>
        <source>Monitoring: {url}/health and {url}/metrics</source>
        <translation>Supervision : {url}/health et {url}/metrics</translation>
    </message>
</context>
<context>
    <name>ZoneEditor</name>
    <message>
        <source>staff — not analysed</source>
        <translation>personnel — non analysé</translation>
    </message>
    <message>
        <source>Drag a rectangle around where staff stand: faces there are not analysed.</source>
        <translation>Tracez un rectangle autour de l&apos;endroit où se tient le personnel : les visages qui s&apos;y trouvent ne sont pas analysés.</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>En attente de la caméra…</translation>
    </message>
</context>
</TS>
