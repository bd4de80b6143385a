<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AudioPage</name>
    <message>
        <source>the bundled music</source>
        <translation>la música incluida</translation>
    </message>
    <message>
        <source>This file cannot be played ({problem}): the bundled track plays instead.</source>
        <translation>Este archivo no se puede reproducir ({problem}): suena la música incluida en su lugar.</translation>
    </message>
    <message>
        <source>Music ({patterns})</source>
        <translation>Música ({patterns})</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <source>No camera found on this PC</source>
        <translation>No se encontró ninguna cámara en este PC</translation>
    </message>
    <message>
        <source>Cameras found</source>
        <translation>Cámaras encontradas</translation>
    </message>
    <message>
        <source>The live picture below comes from the running kiosk.</source>
        <translation>La imagen en directo de abajo procede del quiosco en marcha.</translation>
    </message>
</context>
<context>
    <name>CarsPage</name>
    <message>
        <source>Changes are kept with Apply or OK; the showroom shows them at once.</source>
        <translation>Los cambios se guardan con Aplicar o Aceptar; la exposición los muestra al momento.</translation>
    </message>
    <message>
        <source>Add a car from a photo…</source>
        <translation>Añadir un coche desde una foto…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Replace the photo…</source>
        <translation>Cambiar la foto…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Tagline</source>
        <translation>Eslogan</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Texts in</source>
        <translation>Textos en</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Datos clave</translation>
    </message>
    <message>
        <source>{language} (the catalogue&apos;s language)</source>
        <translation>{language} (idioma del catálogo)</translation>
    </message>
    <message>
        <source>label, e.g. Range</source>
        <translation>etiqueta, p. ej. Autonomía</translation>
    </message>
    <message>
        <source>value, e.g. 510 km</source>
        <translation>valor, p. ej. 510 km</translation>
    </message>
    <message>
        <source>Cheerful</source>
        <translation>Alegre</translation>
    </message>
    <message>
        <source>A visitor who looks unhappy is shown a cheerful car next.</source>
        <translation>A un visitante que parece descontento se le muestra después un coche alegre.</translation>
    </message>
    <message>
        <source>When a visitor looks unhappy at this car, show:</source>
        <translation>Si un visitante parece descontento ante este coche, mostrar:</translation>
    </message>
    <message>
        <source>no price shown</source>
        <translation>sin precio</translation>
    </message>
    <message>
        <source>These are the cars that come with the kiosk. Add, change or remove cars and press Apply: they become your own catalogue, kept in {folder}.</source>
        <translation>Estos son los coches incluidos con el quiosco. Añada, cambie o quite coches y pulse Aplicar: pasan a ser su propio catálogo, guardado en {folder}.</translation>
    </message>
    <message>
        <source>Your own catalogue, kept in {folder}.</source>
        <translation>Su propio catálogo, guardado en {folder}.</translation>
    </message>
    <message>
        <source>The showroom shows the catalogue folder {other} (Showroom page). Changes made here are saved in {folder}, and the showroom then shows them instead.</source>
        <translation>La exposición muestra la carpeta de catálogo {other} (página Exposición). Los cambios hechos aquí se guardan en {folder}, y entonces la exposición muestra estos.</translation>
    </message>
    <message>
        <source>The cars are not saved:</source>
        <translation>Los coches no se han guardado:</translation>
    </message>
    <message>
        <source>This photo cannot be used: {problem}</source>
        <translation>Esta foto no se puede usar: {problem}</translation>
    </message>
    <message>
        <source>No cars yet: add one from a photo.</source>
        <translation>Aún no hay coches: añada uno desde una foto.</translation>
    </message>
    <message>
        <source>Automatic: a cheerful car, else the next one</source>
        <translation>Automático: uno alegre o el siguiente</translation>
    </message>
    <message>
        <source>A photo of the car</source>
        <translation>Una foto del coche</translation>
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
        <translation>El quiosco se detuvo tras {crashes} fallos en {seconds} segundos y no se reiniciará solo. Llame a su contacto de servicio técnico. Encontrará los detalles en el registro, en {folder}.</translation>
    </message>
    <message>
        <source>Emotion Kiosk stopped</source>
        <translation>Emotion Kiosk detenido</translation>
    </message>
</context>
<context>
    <name>DetectionPage</name>
    <message>
        <source>The bar shows the visitor in front of the camera now, against the levels below.</source>
        <translation>La barra muestra al visitante que está ahora ante la cámara, frente a los umbrales de abajo.</translation>
    </message>
    <message>
        <source>How the reaction is worked out, in detail: the defaults suit most showrooms.</source>
        <translation>Cómo se calcula la reacción, en detalle: los valores predeterminados sirven para la mayoría de las exposiciones.</translation>
    </message>
    <message>
        <source>Staff zone: drag a rectangle on the picture around where staff stand.</source>
        <translation>Zona del personal: arrastre un rectángulo en la imagen alrededor de donde está el personal.</translation>
    </message>
    <message>
        <source>Clear the staff zone</source>
        <translation>Borrar la zona del personal</translation>
    </message>
    <message>
        <source>Staff zone</source>
        <translation>Zona del personal</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Ajustes avanzados</translation>
    </message>
</context>
<context>
    <name>Emotion</name>
    <message>
        <source>angry</source>
        <translation>enfadado</translation>
    </message>
    <message>
        <source>disgust</source>
        <translation>asqueado</translation>
    </message>
    <message>
        <source>fear</source>
        <translation>asustado</translation>
    </message>
    <message>
        <source>happy</source>
        <translation>contento</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>triste</translation>
    </message>
    <message>
        <source>surprise</source>
        <translation>sorprendido</translation>
    </message>
</context>
<context>
    <name>EmotionHud</name>
    <message>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Modo demo</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Sin cámara</translation>
    </message>
    <message>
        <source>Negative, last seconds</source>
        <translation>Negativo, ahora</translation>
    </message>
    <message>
        <source>resting face</source>
        <translation>cara en reposo</translation>
    </message>
    <message>
        <source>showroom reacts</source>
        <translation>la exposición reacciona</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expresión</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconectando</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Sin imagen</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>no analizado</translation>
    </message>
    <message>
        <source>Seen now, {percent} sure</source>
        <translation>Visto ahora, {percent} seguro</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Analysis paused</source>
        <translation>Análisis en pausa</translation>
    </message>
    <message>
        <source>Back in a moment</source>
        <translation>Vuelve enseguida</translation>
    </message>
    <message>
        <source>Analysis off</source>
        <translation>Sin análisis</translation>
    </message>
    <message>
        <source>No emotion model loaded</source>
        <translation>Ningún modelo de emociones cargado</translation>
    </message>
    <message>
        <source>No visitor</source>
        <translation>Ningún visitante</translation>
    </message>
    <message>
        <source>Waiting for someone to look</source>
        <translation>Esperando una mirada</translation>
    </message>
    <message>
        <source>learning…</source>
        <translation>calibrando…</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>The central store&apos;s password is never kept here: store it in this PC&apos;s keyring with `emotion-kiosk fleet password`, or in the PostgreSQL password file (see the README).</source>
        <translation>La contraseña de la base central nunca se guarda aquí: guárdela en el llavero de este PC con `emotion-kiosk fleet password`, o en el archivo de contraseñas de PostgreSQL (vea el README).</translation>
    </message>
    <message>
        <source>This kiosk&apos;s id in the fleet</source>
        <translation>Identificador de este quiosco en la red</translation>
    </message>
    <message>
        <source>Made once on this PC: the central store tells kiosks apart by it, not by their names.</source>
        <translation>Creado una vez en este PC: la base central distingue los quioscos por él, no por sus nombres.</translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <source>Which expressions count as unhappy; together they make the negative level.</source>
        <translation>Qué expresiones cuentan como descontento; juntas forman el nivel negativo.</translation>
    </message>
    <message>
        <source>How negative the visitor must look before the car changes.</source>
        <translation>Cuán negativo debe parecer el visitante para que cambie el coche.</translation>
    </message>
    <message>
        <source>The visitor must calm down below this before the car can change again.</source>
        <translation>El visitante debe calmarse por debajo de este valor antes de que el coche pueda cambiar de nuevo.</translation>
    </message>
    <message>
        <source>Evens out flicker: more seconds react more calmly, but later.</source>
        <translation>Suaviza los vaivenes: más segundos reaccionan con más calma, pero más tarde.</translation>
    </message>
    <message>
        <source>How long the visitor must stay above the trigger level before the car changes.</source>
        <translation>Cuánto tiempo debe estar el visitante sobre el umbral antes de que cambie el coche.</translation>
    </message>
    <message>
        <source>The shortest time between two car changes (and two plays of the music).</source>
        <translation>El tiempo mínimo entre dos cambios de coche (y dos reproducciones de la música).</translation>
    </message>
    <message>
        <source>Some faces look serious at rest: react to a change from each visitor&apos;s own face.</source>
        <translation>Algunas caras parecen serias en reposo: reaccionar a un cambio respecto al rostro de cada visitante.</translation>
    </message>
    <message>
        <source>How long a new visitor is watched to learn their resting face; no reaction meanwhile.</source>
        <translation>Cuánto se observa a un visitante nuevo para aprender su rostro en reposo; mientras tanto, no hay reacción.</translation>
    </message>
    <message>
        <source>How far above their resting face a visitor must go before it counts.</source>
        <translation>Cuánto debe superar un visitante su rostro en reposo para que cuente.</translation>
    </message>
    <message>
        <source>Expressions that flash by as people talk (such as fear): count less, only if they last.</source>
        <translation>Expresiones que aparecen un instante al hablar (como el miedo): cuentan menos y solo si duran.</translation>
    </message>
    <message>
        <source>How much a fleeting expression counts compared with a clear one (100 % = the same).</source>
        <translation>Cuánto cuenta una expresión fugaz frente a una clara (100 % = lo mismo).</translation>
    </message>
    <message>
        <source>A fleeting expression counts as its average over this many seconds.</source>
        <translation>Una expresión fugaz cuenta como su media durante estos segundos.</translation>
    </message>
    <message>
        <source>Smaller faces (people farther away, passing at the back) are not analysed.</source>
        <translation>Las caras más pequeñas (personas lejanas que pasan al fondo) no se analizan.</translation>
    </message>
    <message>
        <source>Where the staff zone starts, from the picture&apos;s left edge.</source>
        <translation>Dónde empieza la zona del personal, desde el borde izquierdo de la imagen.</translation>
    </message>
    <message>
        <source>Where the staff zone starts, from the picture&apos;s top edge.</source>
        <translation>Dónde empieza la zona del personal, desde el borde superior de la imagen.</translation>
    </message>
    <message>
        <source>How wide the staff zone is (0 % = no staff zone).</source>
        <translation>Ancho de la zona del personal (0 % = sin zona del personal).</translation>
    </message>
    <message>
        <source>How tall the staff zone is (0 % = no staff zone).</source>
        <translation>Alto de la zona del personal (0 % = sin zona del personal).</translation>
    </message>
    <message>
        <source>Which camera to use when several are plugged in (0 = the first).</source>
        <translation>Qué cámara usar si hay varias conectadas (0 = la primera).</translation>
    </message>
    <message>
        <source>How the camera is opened; leave on auto unless the camera is not found.</source>
        <translation>Cómo se abre la cámara; déjelo en auto salvo que no se encuentre la cámara.</translation>
    </message>
    <message>
        <source>The picture size asked of the camera; auto keeps the camera&apos;s own.</source>
        <translation>El tamaño de imagen que se pide a la cámara; auto mantiene el suyo.</translation>
    </message>
    <message>
        <source>Another folder of cars to show (a shared one, say); empty shows the cars of the Cars page.</source>
        <translation>Otra carpeta de coches que mostrar (una compartida, por ejemplo); vacía, se muestran los coches de la página Coches.</translation>
    </message>
    <message>
        <source>Show the next car after this long while nobody is in front of the screen.</source>
        <translation>Mostrar el siguiente coche tras este tiempo si no hay nadie ante la pantalla.</translation>
    </message>
    <message>
        <source>How long one car takes to fade into the next.</source>
        <translation>Cuánto tarda un coche en fundirse con el siguiente.</translation>
    </message>
    <message>
        <source>Empty plays the music that comes with the kiosk.</source>
        <translation>Vacío: suena la música incluida con el quiosco.</translation>
    </message>
    <message>
        <source>How long the music takes to rise to its volume.</source>
        <translation>Cuánto tarda la música en alcanzar su volumen.</translation>
    </message>
    <message>
        <source>How long the music takes to fade away at its end.</source>
        <translation>Cuánto tarda la música en apagarse al final.</translation>
    </message>
    <message>
        <source>The IT department&apos;s monitoring asks this PC&apos;s port for /health and /metrics.</source>
        <translation>La monitorización del departamento de TI consulta este puerto del PC para /health y /metrics.</translation>
    </message>
    <message>
        <source>Off: only programs on this PC can ask. On: the showroom network can too.</source>
        <translation>Desactivado: solo los programas de este PC pueden consultar. Activado: también la red de la exposición.</translation>
    </message>
    <message>
        <source>Report a problem when the camera or the analysis has been silent this long.</source>
        <translation>Avisar de un problema si la cámara o el análisis llevan este tiempo sin responder.</translation>
    </message>
    <message>
        <source>Send each car&apos;s hourly figures (never pictures or single visits) to head office.</source>
        <translation>Enviar las cifras por hora de cada coche (nunca imágenes ni visitas individuales) a la central.</translation>
    </message>
    <message>
        <source>For example host=db.example.com dbname=showrooms user=kiosk (ask IT).</source>
        <translation>Por ejemplo host=db.example.com dbname=showrooms user=kiosk (pregunte a TI).</translation>
    </message>
    <message>
        <source>How this showroom is named in the group&apos;s reports.</source>
        <translation>Cómo se llama esta exposición en los informes del grupo.</translation>
    </message>
    <message>
        <source>The mouse pointer disappears after a few seconds without movement.</source>
        <translation>El puntero desaparece tras unos segundos sin movimiento.</translation>
    </message>
    <message>
        <source>For example 08:00-20:00: outside these hours the screen may sleep. Empty keeps it on always.</source>
        <translation>Por ejemplo 08:00-20:00: fuera de este horario la pantalla puede apagarse. Vacío: siempre encendida.</translation>
    </message>
    <message>
        <source>The language of the showroom and of these settings; automatic follows the PC&apos;s language.</source>
        <translation>El idioma de la exposición y de estos ajustes; automático sigue el idioma del PC.</translation>
    </message>
</context>
<context>
    <name>KioskApp</name>
    <message>
        <source>the showroom runs; reactions wait in memory and are written once there is room</source>
        <translation>la exposición funciona; las reacciones esperan en memoria y se escriben en cuanto haya espacio</translation>
    </message>
    <message>
        <source>the showroom runs, but settings are not saved and reactions are not recorded</source>
        <translation>la exposición funciona, pero no se guardan los ajustes ni se registran las reacciones</translation>
    </message>
    <message>
        <source>The kiosk is already running ({holder}) with the data folder {folder}. Only one kiosk can run at a time; this one exits.</source>
        <translation>El quiosco ya está en marcha ({holder}) con la carpeta de datos {folder}. Solo puede funcionar un quiosco a la vez; este se cierra.</translation>
    </message>
</context>
<context>
    <name>KioskPage</name>
    <message>
        <source>The primary screen</source>
        <translation>La pantalla principal</translation>
    </message>
    <message>
        <source>Empty: the standard notice in that language.</source>
        <translation>Vacío: el aviso estándar en ese idioma.</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>Cambiar el PIN…</translation>
    </message>
    <message>
        <source>Forgotten PIN: stop the kiosk and, on this PC, run `{command}` in a terminal (or `{folder_command}` in the kiosk&apos;s folder). The kiosk then asks for a new PIN.</source>
        <translation>PIN olvidado: detenga el quiosco y, en este PC, ejecute `{command}` en un terminal (o `{folder_command}` en la carpeta del quiosco). El quiosco pedirá entonces un PIN nuevo.</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>Salir del quiosco</translation>
    </message>
    <message>
        <source>{screen} (not connected)</source>
        <translation>{screen} (no conectada)</translation>
    </message>
    <message>
        <source>New PIN chosen: press Apply or OK to keep it.</source>
        <translation>Nuevo PIN elegido: pulse Aplicar o Aceptar para conservarlo.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Showroom</source>
        <translation>Sala de exposición</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>waiting for the camera…</source>
        <translation>esperando a la cámara…</translation>
    </message>
    <message>
        <source>nobody in front of the camera</source>
        <translation>nadie ante la cámara</translation>
    </message>
    <message>
        <source>learning the resting face…</source>
        <translation>aprendiendo el rostro en reposo…</translation>
    </message>
    <message>
        <source>{percent} now</source>
        <translation>{percent} ahora</translation>
    </message>
    <message>
        <source>Negative reaction (live)</source>
        <translation>Reacción negativa (en directo)</translation>
    </message>
    <message>
        <source>trigger {percent}</source>
        <translation>umbral {percent}</translation>
    </message>
    <message>
        <source>release {percent}</source>
        <translation>rearme {percent}</translation>
    </message>
    <message>
        <source>resting</source>
        <translation>reposo</translation>
    </message>
</context>
<context>
    <name>MusicPreview</name>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>No audio output found on this PC: connect speakers, then press Play again.</source>
        <translation>No se encontró ninguna salida de audio en este PC: conecte altavoces y vuelva a pulsar Reproducir.</translation>
    </message>
    <message>
        <source>Playing {name} at {volume} % volume.</source>
        <translation>Reproduciendo {name} al {volume} % de volumen.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Could not play: {problem}</source>
        <translation>No se pudo reproducir: {problem}</translation>
    </message>
    <message>
        <source>The chosen music cannot be played ({problem}); the bundled track plays instead.</source>
        <translation>La música elegida no se puede reproducir ({problem}); suena la música incluida en su lugar.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>The stored operator PIN is damaged, so no PIN can match it. Stop the kiosk and, on this PC, run `{command}` in a terminal (or `{folder_command}` in the kiosk&apos;s folder) to clear it; the kiosk then asks for a new PIN.</source>
        <translation>El PIN de operador guardado está dañado, así que ningún PIN puede coincidir. Detenga el quiosco y, en este PC, ejecute `{command}` en un terminal (o `{folder_command}` en la carpeta del quiosco) para borrarlo; el quiosco pedirá entonces un PIN nuevo.</translation>
    </message>
    <message>
        <source>Operator PIN</source>
        <translation>PIN de operador</translation>
    </message>
    <message>
        <source>Enter the PIN to open the settings</source>
        <translation>Introduzca el PIN para abrir los ajustes</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Cerrar el quiosco</translation>
    </message>
    <message>
        <source>Enter the PIN to close the kiosk</source>
        <translation>Introduzca el PIN para cerrar el quiosco</translation>
    </message>
    <message>
        <source>New operator PIN</source>
        <translation>Nuevo PIN de operador</translation>
    </message>
    <message>
        <source>Choose the new operator PIN ({min}–{max} digits)</source>
        <translation>Elija el nuevo PIN de operador ({min}–{max} dígitos)</translation>
    </message>
    <message>
        <source>Choose an operator PIN ({min}–{max} digits). It protects the settings and closing the kiosk.</source>
        <translation>Elija un PIN de operador ({min}–{max} dígitos). Protege los ajustes y el cierre del quiosco.</translation>
    </message>
    <message>
        <source>Create operator PIN</source>
        <translation>Crear el PIN de operador</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Repita el PIN nuevo</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Not checked: after several wrong PINs the kiosk waits {time} before it checks the next one.</source>
        <translation>No comprobado: tras varios PIN incorrectos, el quiosco espera {time} antes de comprobar el siguiente.</translation>
    </message>
    <message>
        <source>The PIN must have {min} to {max} digits.</source>
        <translation>El PIN debe tener de {min} a {max} dígitos.</translation>
    </message>
    <message>
        <source>The two PINs differ. Please type it again.</source>
        <translation>Los dos PIN no coinciden. Escríbalo de nuevo.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN incorrecto.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in {time}.</source>
        <translation>PIN incorrecto. Vuelva a intentarlo en {time}.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Ya puede volver a intentarlo.</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>No operator PIN yet</source>
        <translation>Aún no hay PIN de operador</translation>
    </message>
    <message>
        <source>No camera: the demo clip plays</source>
        <translation>Sin cámara: se reproduce el vídeo de demostración</translation>
    </message>
    <message>
        <source>No camera and no demo clip</source>
        <translation>Ni cámara ni vídeo de demostración</translation>
    </message>
    <message>
        <source>The camera is lost</source>
        <translation>Se ha perdido la cámara</translation>
    </message>
    <message>
        <source>The video cannot be played</source>
        <translation>No se puede reproducir el vídeo</translation>
    </message>
    <message>
        <source>Expression analysis is off</source>
        <translation>El análisis de expresiones está desactivado</translation>
    </message>
    <message>
        <source>Expression analysis is failing</source>
        <translation>El análisis de expresiones falla</translation>
    </message>
    <message>
        <source>Reactions are not being recorded</source>
        <translation>Las reacciones no se están registrando</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>El disco está lleno</translation>
    </message>
    <message>
        <source>The data folder cannot be written</source>
        <translation>No se puede escribir en la carpeta de datos</translation>
    </message>
    <message>
        <source>The central store does not take this kiosk&apos;s figures</source>
        <translation>La base central no recibe las cifras de este quiosco</translation>
    </message>
    <message>
        <source>Another kiosk uses this kiosk&apos;s name in the fleet</source>
        <translation>Otro quiosco usa el nombre de este en la red</translation>
    </message>
    <message>
        <source>The settings cannot be saved</source>
        <translation>No se pueden guardar los ajustes</translation>
    </message>
    <message>
        <source>Some settings were not valid</source>
        <translation>Algunos ajustes no eran válidos</translation>
    </message>
    <message>
        <source>A car cannot be shown as it was set up</source>
        <translation>Un coche no se puede mostrar tal como se configuró</translation>
    </message>
    <message>
        <source>The music cannot be played</source>
        <translation>No se puede reproducir la música</translation>
    </message>
    <message>
        <source>Health and metrics are not served</source>
        <translation>El estado y las métricas no se sirven</translation>
    </message>
    <message>
        <source>The stored operator PIN is damaged</source>
        <translation>El PIN de operador guardado está dañado</translation>
    </message>
    <message>
        <source>The screen may blank</source>
        <translation>La pantalla puede apagarse</translation>
    </message>
    <message>
        <source>The reaction database was deleted and started anew</source>
        <translation>La base de datos de reacciones se borró y se creó de nuevo</translation>
    </message>
    <message>
        <source>A damaged reaction database was set aside</source>
        <translation>Se apartó una base de datos de reacciones dañada</translation>
    </message>
    <message>
        <source>Choose the PIN on the set-up screen, or run `emotion-kiosk set-pin` on this PC.</source>
        <translation>Elija el PIN en la pantalla de configuración o ejecute `emotion-kiosk set-pin` en este PC.</translation>
    </message>
    <message>
        <source>Connect the camera, or check its number on the Camera page. The kiosk switches to it by itself.</source>
        <translation>Conecte la cámara o compruebe su número en la página Cámara. El quiosco cambia a ella por sí solo.</translation>
    </message>
    <message>
        <source>Connect the camera; the kiosk keeps looking for it.</source>
        <translation>Conecte la cámara; el quiosco sigue buscándola.</translation>
    </message>
    <message>
        <source>Check the camera&apos;s cable and power; the kiosk reconnects by itself.</source>
        <translation>Compruebe el cable y la alimentación de la cámara; el quiosco se vuelve a conectar solo.</translation>
    </message>
    <message>
        <source>Check the video file the kiosk was started with.</source>
        <translation>Compruebe el archivo de vídeo con el que se inició el quiosco.</translation>
    </message>
    <message>
        <source>Reinstall the kiosk, or check the model file named in the details.</source>
        <translation>Reinstale el quiosco o compruebe el archivo del modelo indicado en los detalles.</translation>
    </message>
    <message>
        <source>Restart the kiosk; if this stays, send the log to your service contact.</source>
        <translation>Reinicie el quiosco; si persiste, envíe el registro a su contacto de servicio técnico.</translation>
    </message>
    <message>
        <source>Recording is retried by itself and nothing waiting is lost while the kiosk runs; the details say what stands in the way.</source>
        <translation>El registro se reintenta solo y no se pierde nada de lo que espera mientras el quiosco funcione; los detalles indican qué lo impide.</translation>
    </message>
    <message>
        <source>Free some space on this disk. Reactions wait in memory and are written once there is room.</source>
        <translation>Libere espacio en este disco. Las reacciones esperan en memoria y se escriben en cuanto haya espacio.</translation>
    </message>
    <message>
        <source>Make the data folder writable for the kiosk&apos;s user, then restart the kiosk.</source>
        <translation>Haga que el usuario del quiosco pueda escribir en la carpeta de datos y reinicie el quiosco.</translation>
    </message>
    <message>
        <source>The figures wait in this kiosk and are sent once the central store takes them. {cause}</source>
        <translation>Las cifras esperan en este quiosco y se envían en cuanto la base central las acepte. {cause}</translation>
    </message>
    <message>
        <source>Each kiosk keeps its own figures, but reports name both alike: give this one a name of its own on the Fleet &amp; monitoring page.</source>
        <translation>Cada quiosco conserva sus propias cifras, pero los informes los nombran igual: dé a este un nombre propio en la página Red y monitorización.</translation>
    </message>
    <message>
        <source>Changes apply until the kiosk restarts. Make the settings file writable to keep them.</source>
        <translation>Los cambios se aplican hasta que el quiosco se reinicie. Haga que se pueda escribir en el archivo de ajustes para conservarlos.</translation>
    </message>
    <message>
        <source>The kiosk uses the defaults for them: correct them in the settings and save.</source>
        <translation>El quiosco usa para ellos los valores predeterminados: corríjalos en los ajustes y guarde.</translation>
    </message>
    <message>
        <source>Fix the car on the Cars page, or in the catalogue folder.</source>
        <translation>Corrija el coche en la página Coches o en la carpeta del catálogo.</translation>
    </message>
    <message>
        <source>Check the speakers, and the music file on the Audio page.</source>
        <translation>Compruebe los altavoces y el archivo de música en la página Audio.</translation>
    </message>
    <message>
        <source>Another program uses the port: choose another one on the Fleet &amp; monitoring page.</source>
        <translation>Otro programa usa el puerto: elija otro en la página Red y monitorización.</translation>
    </message>
    <message>
        <source>Check the fleet user and password (Fleet &amp; monitoring page).</source>
        <translation>Compruebe el usuario y la contraseña de la red (página Red y monitorización).</translation>
    </message>
    <message>
        <source>Complete the settings on the Fleet &amp; monitoring page.</source>
        <translation>Complete los ajustes en la página Red y monitorización.</translation>
    </message>
    <message>
        <source>Stop the kiosk and run `emotion-kiosk reset-pin` on this PC, then set a new PIN.</source>
        <translation>Detenga el quiosco y ejecute `emotion-kiosk reset-pin` en este PC; después, defina un PIN nuevo.</translation>
    </message>
    <message>
        <source>Turn off the screensaver and the display&apos;s power saving in the desktop&apos;s settings.</source>
        <translation>Desactive el salvapantallas y el ahorro de energía de la pantalla en los ajustes del escritorio.</translation>
    </message>
    <message>
        <source>Reactions recorded before that are gone; recording goes on in the new file.</source>
        <translation>Las reacciones registradas antes se han perdido; el registro continúa en el archivo nuevo.</translation>
    </message>
    <message>
        <source>The old file is kept beside the new one (see the details); recording goes on.</source>
        <translation>El archivo antiguo se conserva junto al nuevo (vea los detalles); el registro continúa.</translation>
    </message>
    <message>
        <source>Check the network and the server&apos;s address.</source>
        <translation>Compruebe la red y la dirección del servidor.</translation>
    </message>
    <message>
        <source>The central store is newer than this kiosk: update the kiosk.</source>
        <translation>La base central es más reciente que este quiosco: actualice el quiosco.</translation>
    </message>
    <message>
        <source>Give the fleet&apos;s database role the rights the README lists.</source>
        <translation>Conceda al rol de base de datos de la red los permisos que indica el README.</translation>
    </message>
</context>
<context>
    <name>ReactionRecords</name>
    <message>
        <source>The reaction database {file} could not be read. It was kept as {copy} in {folder}, and a new, empty database was started: reactions are recorded again.</source>
        <translation>No se pudo leer la base de datos de reacciones {file}. Se guardó como {copy} en {folder} y se creó una base nueva y vacía: las reacciones vuelven a registrarse.</translation>
    </message>
    <message>
        <source>The reaction database {file} is read-only (or its folder is): reactions are not recorded this session. `python -m kiosk report` can still read it.</source>
        <translation>La base de datos de reacciones {file} es de solo lectura (o su carpeta): en esta sesión no se registran reacciones. `python -m kiosk report` aún puede leerla.</translation>
    </message>
    <message>
        <source>Reactions are not recorded: {file} cannot be opened (details in the log).</source>
        <translation>Las reacciones no se registran: no se puede abrir {file} (detalles en el registro).</translation>
    </message>
</context>
<context>
    <name>ReactionsPage</name>
    <message>
        <source>Car</source>
        <translation>Coche</translation>
    </message>
    <message>
        <source>Exposures</source>
        <translation>Apariciones</translation>
    </message>
    <message>
        <source>Visitor time</source>
        <translation>Tiempo de visita</translation>
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
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Uplift success</source>
        <translation>Música eficaz</translation>
    </message>
    <message>
        <source>The car, by the name the showroom shows.</source>
        <translation>El coche, con el nombre que muestra la exposición.</translation>
    </message>
    <message>
        <source>How many times the car was shown.</source>
        <translation>Cuántas veces se mostró el coche.</translation>
    </message>
    <message>
        <source>How long visitors watched it (min:s).</source>
        <translation>Cuánto tiempo lo miraron los visitantes (min:s).</translation>
    </message>
    <message>
        <source>Share of that time visitors looked happy or surprised.</source>
        <translation>Parte de ese tiempo en que los visitantes parecían contentos o sorprendidos.</translation>
    </message>
    <message>
        <source>Share of that time visitors looked angry, disgusted, afraid or sad.</source>
        <translation>Parte de ese tiempo en que los visitantes parecían enfadados, asqueados, asustados o tristes.</translation>
    </message>
    <message>
        <source>How often the car was changed because the visitor looked unhappy.</source>
        <translation>Cuántas veces cambió el coche porque el visitante parecía descontento.</translation>
    </message>
    <message>
        <source>After the music played: how often the visitor looked less unhappy 10 s later.</source>
        <translation>Tras la música: cuántas veces el visitante parecía menos descontento 10 s después.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Positive&lt;/b&gt; and &lt;b&gt;Negative&lt;/b&gt; need not add up to 100 %: the rest of the time visitors looked neutral. &lt;b&gt;Uplift success&lt;/b&gt; shows – when no music played while that car was shown (music off, or nobody looked unhappy enough). &lt;b&gt;Reaction switches&lt;/b&gt;: the car changed because the visitor looked unhappy. Hover over a column title for more.</source>
        <translation>&lt;b&gt;Positivo&lt;/b&gt; y &lt;b&gt;Negativo&lt;/b&gt; no tienen por qué sumar 100 %: el resto del tiempo los visitantes parecían neutrales. &lt;b&gt;Música eficaz&lt;/b&gt; muestra – cuando no sonó música mientras se mostraba ese coche (música desactivada, o nadie pareció lo bastante descontento). &lt;b&gt;Cambios&lt;/b&gt;: el coche cambió porque el visitante parecía descontento. Pase el ratón sobre el título de una columna para saber más.</translation>
    </message>
    <message>
        <source>Only per-showing totals are kept: no images, no faces, nothing that identifies a visitor.</source>
        <translation>Solo se guardan totales por aparición: ni imágenes, ni caras, nada que identifique a un visitante.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>La fecha de inicio es posterior a la fecha de fin.</translation>
    </message>
    <message>
        <source>Could not read the reaction database: {error}</source>
        <translation>No se pudo leer la base de datos de reacciones: {error}</translation>
    </message>
    <message>
        <source>Could not write {file}: {error}</source>
        <translation>No se pudo escribir {file}: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n cars to {file}</source>
        <translation>
            <numerusform>%n coche exportado a {file}</numerusform>
            <numerusform>%n coches exportados a {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> days</source>
        <comment>after the number of days to keep reactions</comment>
        <translation>
            <numerusform> día</numerusform>
            <numerusform> días</numerusform>
        </translation>
    </message>
    <message>
        <source>{exposures} of {cars}, {time} (min:s) of visitor time.</source>
        <translation>{exposures} de {cars}, {time} (min:s) de tiempo de visita.</translation>
    </message>
    <message numerus="yes">
        <source>%n exposures</source>
        <comment>the first count of: 3 exposures of 2 cars</comment>
        <translation>
            <numerusform>%n exposición</numerusform>
            <numerusform>%n exposiciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cars</source>
        <comment>the second count, after &apos;of&apos;: 3 exposures of 2 cars</comment>
        <translation>
            <numerusform>%n coche</numerusform>
            <numerusform>%n coches</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Erase all…</source>
        <translation>Borrar todo…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Keep reactions for</source>
        <translation>Conservar las reacciones durante</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reacciones</translation>
    </message>
    <message>
        <source>Export reactions</source>
        <translation>Exportar las reacciones</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Erase all reactions</source>
        <translation>Borrar todas las reacciones</translation>
    </message>
    <message>
        <source>Delete every recorded exposure, for all cars and dates? This cannot be undone.</source>
        <translation>¿Borrar todas las apariciones registradas, de todos los coches y fechas? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Could not erase the reactions: {error}</source>
        <translation>No se pudieron borrar las reacciones: {error}</translation>
    </message>
    <message>
        <source>Exposures erased: {count}.</source>
        <translation>Apariciones borradas: {count}.</translation>
    </message>
    <message>
        <source>No exposures recorded from {since} to {until}.</source>
        <translation>No hay apariciones registradas del {since} al {until}.</translation>
    </message>
</context>
<context>
    <name>Runtime</name>
    <message>
        <source>read-only</source>
        <translation>solo lectura</translation>
    </message>
    <message>
        <source>the data folder {folder} cannot be created ({why})</source>
        <translation>no se puede crear la carpeta de datos {folder} ({why})</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>no permission</source>
        <translation>sin permiso</translation>
    </message>
    <message>
        <source>the disk holding the data folder {folder} is full</source>
        <translation>el disco que contiene la carpeta de datos {folder} está lleno</translation>
    </message>
    <message>
        <source>the data folder {folder} is read-only</source>
        <translation>la carpeta de datos {folder} es de solo lectura</translation>
    </message>
    <message>
        <source>the data folder {folder} is read-only for this user: no permission to write in it</source>
        <translation>la carpeta de datos {folder} es de solo lectura para este usuario: no tiene permiso para escribir en ella</translation>
    </message>
    <message>
        <source>the data folder {folder} cannot be written ({why})</source>
        <translation>no se puede escribir en la carpeta de datos {folder} ({why})</translation>
    </message>
    <message>
        <source>the lock file {file} cannot be created</source>
        <translation>no se puede crear el archivo de bloqueo {file}</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>proceso {pid} en {host}</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>otro proceso</translation>
    </message>
</context>
<context>
    <name>Scene</name>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>This screen estimates facial expressions on this device only, to adapt what it shows. No images are stored or sent.</source>
        <translation>Esta pantalla estima las expresiones faciales solo en este dispositivo, para adaptar lo que muestra. No se guarda ni se envía ninguna imagen.</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>Automático (idioma del sistema)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Capture backend</source>
        <translation>Interfaz de captura</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>Show the camera preview on screen</source>
        <translation>Mostrar la imagen de la cámara en pantalla</translation>
    </message>
    <message>
        <source>Negative expressions</source>
        <translation>Expresiones negativas</translation>
    </message>
    <message>
        <source>Trigger level</source>
        <translation>Umbral de activación</translation>
    </message>
    <message>
        <source>Release level</source>
        <translation>Umbral de rearme</translation>
    </message>
    <message>
        <source>Smoothing (s)</source>
        <translation>Suavizado (s)</translation>
    </message>
    <message>
        <source>Dwell above trigger (s)</source>
        <translation>Tiempo sobre el umbral (s)</translation>
    </message>
    <message>
        <source>Cooldown (s)</source>
        <translation>Pausa tras un cambio (s)</translation>
    </message>
    <message>
        <source>Learn each visitor&apos;s resting face before reacting</source>
        <translation>Aprender primero el rostro en reposo de cada visitante</translation>
    </message>
    <message>
        <source>Resting face learnt over (s)</source>
        <translation>Rostro en reposo aprendido en (s)</translation>
    </message>
    <message>
        <source>React only this far above the resting face</source>
        <translation>Margen sobre el rostro en reposo</translation>
    </message>
    <message>
        <source>Fleeting expressions (speech): counted lower, held longer</source>
        <translation>Expresiones fugaces (al hablar)</translation>
    </message>
    <message>
        <source>Fleeting expressions count</source>
        <translation>Peso de las expresiones fugaces</translation>
    </message>
    <message>
        <source>Fleeting expressions averaged over (s)</source>
        <translation>Expresiones fugaces promediadas en (s)</translation>
    </message>
    <message>
        <source>Minimum face size (px)</source>
        <translation>Tamaño mínimo de la cara (px)</translation>
    </message>
    <message>
        <source>Staff zone left</source>
        <translation>Zona del personal: izquierda</translation>
    </message>
    <message>
        <source>Staff zone top</source>
        <translation>Zona del personal: arriba</translation>
    </message>
    <message>
        <source>Staff zone width</source>
        <translation>Zona del personal: ancho</translation>
    </message>
    <message>
        <source>Staff zone height</source>
        <translation>Zona del personal: alto</translation>
    </message>
    <message>
        <source>Catalog folder</source>
        <translation>Carpeta del catálogo</translation>
    </message>
    <message>
        <source>Rotate while nobody is there (s, 0 = off)</source>
        <translation>Rotar sin visitantes (s, 0 = no)</translation>
    </message>
    <message>
        <source>Crossfade (ms)</source>
        <translation>Fundido (ms)</translation>
    </message>
    <message>
        <source>Dealer logo</source>
        <translation>Logotipo del concesionario</translation>
    </message>
    <message>
        <source>Show the emotion panel on screen (the privacy notice always shows)</source>
        <translation>Mostrar el panel de emociones en pantalla (el aviso de privacidad se muestra siempre)</translation>
    </message>
    <message>
        <source>Play music when a visitor looks unhappy</source>
        <translation>Poner música cuando un visitante parezca descontento</translation>
    </message>
    <message>
        <source>Music file</source>
        <translation>Archivo de música</translation>
    </message>
    <message>
        <source>Volume (%)</source>
        <translation>Volumen (%)</translation>
    </message>
    <message>
        <source>Fade in (ms)</source>
        <translation>Entrada gradual (ms)</translation>
    </message>
    <message>
        <source>Fade out (ms)</source>
        <translation>Salida gradual (ms)</translation>
    </message>
    <message>
        <source>Keep reaction records (days)</source>
        <translation>Conservar las reacciones (días)</translation>
    </message>
    <message>
        <source>Health and metrics port (0 = off)</source>
        <translation>Puerto de estado y métricas (0 = no)</translation>
    </message>
    <message>
        <source>Serve health and metrics to the network, not only this PC</source>
        <translation>Ofrecer estado y métricas a la red, no solo a este PC</translation>
    </message>
    <message>
        <source>Degraded after (s) without camera or results</source>
        <translation>Degradado tras (s) sin cámara ni resultados</translation>
    </message>
    <message>
        <source>Send hourly per-car figures to the central store</source>
        <translation>Enviar las cifras por hora y coche a la base central</translation>
    </message>
    <message>
        <source>Central store (PostgreSQL connection, no password)</source>
        <translation>Base central (conexión PostgreSQL, sin contraseña)</translation>
    </message>
    <message>
        <source>This showroom&apos;s name in the fleet</source>
        <translation>Nombre de esta exposición en la red</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Pantalla</translation>
    </message>
    <message>
        <source>Hide the mouse pointer when idle</source>
        <translation>Ocultar el puntero del ratón en reposo</translation>
    </message>
    <message>
        <source>Opening hours (screen off outside them)</source>
        <translation>Horario de apertura (pantalla apagada fuera de él)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>Aviso de privacidad</translation>
    </message>
    <message>
        <source>Privacy notice (Deutsch)</source>
        <translation>Aviso de privacidad (Deutsch)</translation>
    </message>
    <message>
        <source>Privacy notice (Français)</source>
        <translation>Aviso de privacidad (Français)</translation>
    </message>
    <message>
        <source>Privacy notice (Español)</source>
        <translation>Aviso de privacidad (Español)</translation>
    </message>
    <message>
        <source>Privacy notice (Italiano)</source>
        <translation>Aviso de privacidad (Italiano)</translation>
    </message>
    <message>
        <source>Operator PIN</source>
        <translation>PIN de operador</translation>
    </message>
    <message>
        <source>{setting}: none chosen; choose at least one of {choices}</source>
        <translation>{setting}: nada elegido; elija al menos uno de {choices}</translation>
    </message>
    <message>
        <source>{setting}: unknown {values}; expected some of {choices}</source>
        <translation>{setting}: desconocido: {values}; se esperaba alguno de {choices}</translation>
    </message>
    <message>
        <source>{setting}: expected {kind}, got {value}</source>
        <translation>{setting}: se esperaba {kind}, se recibió {value}</translation>
    </message>
    <message>
        <source>{setting}: {value} is not one of {choices}</source>
        <translation>{setting}: {value} no es ninguno de {choices}</translation>
    </message>
    <message>
        <source>{setting}: {value} is outside {low}..{high}</source>
        <translation>{setting}: {value} está fuera de {low}..{high}</translation>
    </message>
    <message>
        <source>{setting}: {value} is not a span like 08:00-20:00 (hours 00-23, minutes 00-59, opening and closing times differ)</source>
        <translation>{setting}: {value} no es un intervalo como 08:00-20:00 (horas 00-23, minutos 00-59, apertura y cierre distintos)</translation>
    </message>
    <message>
        <source>Release level ({release}) must be below the trigger level ({trigger})</source>
        <translation>El umbral de rearme ({release}) debe ser menor que el umbral de activación ({trigger})</translation>
    </message>
    <message>
        <source>Staff zone: it must lie inside the camera picture (x + width and y + height &lt;= 1)</source>
        <translation>Zona del personal: debe estar dentro de la imagen de la cámara (x + ancho e y + alto &lt;= 1)</translation>
    </message>
    <message>
        <source>Central store: {problem}</source>
        <translation>Base central: {problem}</translation>
    </message>
    <message>
        <source>Central store: sending is on, but no connection string is set</source>
        <translation>Base central: el envío está activado, pero no hay cadena de conexión</translation>
    </message>
    <message>
        <source>This showroom&apos;s name in the fleet: 1 to 200 characters, needed to send figures</source>
        <translation>Nombre de esta exposición en la red: de 1 a 200 caracteres, necesario para enviar</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Defaults restored on every page: press Apply or OK to keep them. The staff zone and the PIN were kept; clear the staff zone on Detection &amp; reaction if you mean to.</source>
        <translation>Valores predeterminados restaurados en todas las páginas: pulse Aplicar o Aceptar para conservarlos. La zona del personal y el PIN se han mantenido; borre la zona del personal en Detección y reacción si lo desea.</translation>
    </message>
    <message>
        <source>Reaction records are not available on this kiosk.</source>
        <translation>Los registros de reacciones no están disponibles en este quiosco.</translation>
    </message>
    <message>
        <source>Kiosk settings</source>
        <translation>Ajustes del quiosco</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reacciones</translation>
    </message>
    <message>
        <source>The cars are not saved: see the Cars page.</source>
        <translation>Los coches no se han guardado: consulte la página Coches.</translation>
    </message>
    <message>
        <source>Discard the unsaved changes?</source>
        <translation>¿Descartar los cambios sin guardar?</translation>
    </message>
    <message>
        <source>The changes made on these pages are not saved yet.</source>
        <translation>Los cambios hechos en estas páginas aún no se han guardado.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Cars</source>
        <translation>Coches</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Detection &amp; reaction</source>
        <translation>Detección y reacción</translation>
    </message>
    <message>
        <source>Showroom</source>
        <translation>Exposición</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Fleet &amp; monitoring</source>
        <translation>Red y monitorización</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Quiosco</translation>
    </message>
    <message>
        <source>Catalog folder {folder} does not exist</source>
        <translation>La carpeta del catálogo {folder} no existe</translation>
    </message>
    <message>
        <source>Music file {file} does not exist</source>
        <translation>El archivo de música {file} no existe</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>{setting}: cannot read {value}</source>
        <translation>{setting}: no se puede leer {value}</translation>
    </message>
    <message>
        <source>{file}: [{key}] {problem}; using {default}</source>
        <translation>{file}: [{key}] {problem}; se usa {default}</translation>
    </message>
    <message>
        <source>{file}: {problem}; using the default levels and zone</source>
        <translation>{file}: {problem}; se usan los umbrales y la zona predeterminados</translation>
    </message>
    <message>
        <source>{file} was written by a newer version (schema {version}); known keys read</source>
        <translation>{file} lo escribió una versión más reciente (esquema {version}); se leyeron las claves conocidas</translation>
    </message>
    <message>
        <source>Settings are not saved: {file} cannot be set aside ({why})</source>
        <translation>Los ajustes no se guardan: no se puede apartar {file} ({why})</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read, nor set aside; using defaults</source>
        <translation>No se pudo leer ni apartar el archivo de ajustes {file}; se usan los valores predeterminados</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read; kept as {copy}, using defaults</source>
        <translation>No se pudo leer el archivo de ajustes {file}; guardado como {copy}, se usan los valores predeterminados</translation>
    </message>
    <message>
        <source>Settings are not saved: cannot write {file} ({why})</source>
        <translation>Los ajustes no se guardan: no se puede escribir {file} ({why})</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>solo lectura</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Set up this kiosk</source>
        <translation>Configurar este quiosco</translation>
    </message>
    <message>
        <source>Set the PIN</source>
        <translation>Definir el PIN</translation>
    </message>
    <message>
        <source>Choose the operator PIN ({min}–{max} digits). Staff enter it to open the settings (hold the top-left corner for two seconds, or press Ctrl+Alt+S) and to close the kiosk. The showroom starts as soon as the PIN is set.</source>
        <translation>Elija el PIN de operador ({min}–{max} dígitos). El personal lo introduce para abrir los ajustes (mantener pulsada la esquina superior izquierda dos segundos, o pulsar Ctrl+Alt+S) y para cerrar el quiosco. La exposición empieza en cuanto se define el PIN.</translation>
    </message>
</context>
<context>
    <name>ShowroomPage</name>
    <message>
        <source>the cars that come with the kiosk</source>
        <translation>los coches incluidos con el quiosco</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Cars shown now ({count})</source>
        <translation>Coches mostrados ahora ({count})</translation>
    </message>
    <message>
        <source>No cars are loaded.</source>
        <translation>No hay coches cargados.</translation>
    </message>
    <message>
        <source>They change when the catalog folder above changes (press Apply).</source>
        <translation>Cambian cuando cambia la carpeta del catálogo de arriba (pulse Aplicar).</translation>
    </message>
    <message>
        <source>Logos (*.png *.svg *.jpg *.jpeg *.webp)</source>
        <translation>Logotipos (*.png *.svg *.jpg *.jpeg *.webp)</translation>
    </message>
</context>
<context>
    <name>ShowroomView</name>
    <message>
        <source>No cars to show</source>
        <translation>No hay coches que mostrar</translation>
    </message>
    <message>
        <source>Hold for settings…</source>
        <translation>Mantenga pulsado: ajustes…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Demo mode — no camera found</source>
        <translation>Modo demo: no se encontró ninguna cámara</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <source>No camera found and no demo clip — still looking for a camera</source>
        <translation>Ni cámara ni vídeo de demostración: se sigue buscando una cámara</translation>
    </message>
    <message>
        <source>Camera {name} live</source>
        <translation>Cámara {name} en directo</translation>
    </message>
    <message>
        <source>Camera {name} lost — reconnecting…</source>
        <translation>Cámara {name} perdida: reconectando…</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Abriendo {name}…</translation>
    </message>
    <message>
        <source>Playing {name}</source>
        <translation>Reproduciendo {name}</translation>
    </message>
    <message>
        <source>The video {name} has ended</source>
        <translation>El vídeo {name} ha terminado</translation>
    </message>
    <message>
        <source>The video {name} cannot be played (details in the log)</source>
        <translation>No se puede reproducir el vídeo {name} (detalles en el registro)</translation>
    </message>
    <message>
        <source>Expression analysis off — {file} is missing</source>
        <translation>Análisis de expresiones desactivado: falta {file}</translation>
    </message>
    <message>
        <source>Expression analysis off — the face detector cannot be loaded (details in the log)</source>
        <translation>Análisis de expresiones desactivado: no se puede cargar el detector de caras (detalles en el registro)</translation>
    </message>
    <message>
        <source>Expression analysis off — the model {file} cannot be used (details in the log)</source>
        <translation>Análisis de expresiones desactivado: el modelo {file} no se puede usar (detalles en el registro)</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>Status ({count})</source>
        <translation>Estado ({count})</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Everything works: no problem to report.</source>
        <translation>Todo funciona: ningún problema que señalar.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), {serious} of them stopping part of the kiosk&apos;s work.</source>
        <translation>
            <numerusform>%n problema, {serious} de ellos detienen parte del trabajo del quiosco.</numerusform>
            <numerusform>%n problemas, {serious} de ellos detienen parte del trabajo del quiosco.</numerusform>
        </translation>
    </message>
    <message>
        <source>Log: {file}</source>
        <translation>Registro: {file}</translation>
    </message>
    <message>
        <source>Monitoring: {url}/health and {url}/metrics</source>
        <translation>Monitorización: {url}/health y {url}/metrics</translation>
    </message>
</context>
<context>
    <name>ZoneEditor</name>
    <message>
        <source>staff — not analysed</source>
        <translation>personal: no se analiza</translation>
    </message>
    <message>
        <source>Drag a rectangle around where staff stand: faces there are not analysed.</source>
        <translation>Arrastre un rectángulo alrededor de donde está el personal: las caras de esa zona no se analizan.</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>Esperando a la cámara…</translation>
    </message>
</context>
</TS>
