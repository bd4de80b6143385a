; Inno Setup script: the Windows installer of the one-folder build dist\EmotionKiosk\.
;   iscc /DAppVersion=0.1.0 packaging\windows\EmotionKiosk.iss    (from the repository root)
; Installs under Program Files with a Start-menu entry and an uninstaller; the optional task
; "Start at sign-in" adds a scheduled task that starts the kiosk when the user signs in and
; restarts it after a crash (three times, a minute apart). The dealer's data folder,
; %LOCALAPPDATA%\EmotionKiosk, is never removed by the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Emotion Kiosk"
#define AppExe "EmotionKiosk.exe"
#define TaskName "Emotion Kiosk"

[Setup]
AppId={{6B2E5C0E-0C1F-4E55-9A53-6C1A3C7E4F21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Emotion Kiosk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=EmotionKiosk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\kiosk.ico
UninstallDisplayIcon={app}\{#AppExe}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "autostart"; Description: "Start the kiosk when this user signs in, and again after a crash"; Flags: unchecked

[Files]
Source: "..\..\dist\EmotionKiosk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Run]
; A scheduled task rather than a Run key: it restarts the kiosk when it ends with an error.
Filename: "{sys}\schtasks.exe"; \
  Parameters: "/Create /F /TN ""{#TaskName}"" /XML ""{tmp}\EmotionKioskTask.xml"""; \
  Flags: runhidden; Tasks: autostart; BeforeInstall: WriteTaskXml
Filename: "{app}\{#AppExe}"; Description: "Start the kiosk now"; Flags: nowait postinstall skipifsilent unchecked

[UninstallRun]
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /F /TN ""{#TaskName}"""; Flags: runhidden; RunOnceId: "DeleteTask"

[Code]
function VCRuntimeInstalled: Boolean;
var
  Installed: Cardinal;
begin
  { The Visual C++ 2015-2022 runtime (x64) that Python, Qt and onnxruntime need. }
  Result := RegQueryDWordValue(HKLM64, 'SOFTWARE\Microsoft\VisualStudio\14.0\VC\Runtimes\x64',
    'Installed', Installed) and (Installed = 1);
end;

function InitializeSetup: Boolean;
begin
  Result := True;
  if not VCRuntimeInstalled then
  begin
    if MsgBox('The Microsoft Visual C++ 2015-2022 Redistributable (x64) is not installed. ' +
      'The kiosk needs it: install it from https://aka.ms/vs/17/release/vc_redist.x64.exe, ' +
      'then run this setup again.' + #13#10#13#10 + 'Continue anyway?',
      mbConfirmation, MB_YESNO) = IDNO then
      Result := False;
  end;
end;

procedure WriteTaskXml;
var
  Xml: String;
begin
  Xml :=
    '<?xml version="1.0"?>' + #13#10 +
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">' +
    '<Triggers><LogonTrigger><Enabled>true</Enabled><UserId>' + GetUserNameString +
    '</UserId></LogonTrigger></Triggers>' +
    '<Principals><Principal id="Author"><UserId>' + GetUserNameString + '</UserId>' +
    '<LogonType>InteractiveToken</LogonType><RunLevel>LeastPrivilege</RunLevel></Principal></Principals>' +
    '<Settings><MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>' +
    '<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>' +
    '<StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>' +
    '<ExecutionTimeLimit>PT0S</ExecutionTimeLimit>' +
    '<RestartOnFailure><Interval>PT1M</Interval><Count>3</Count></RestartOnFailure>' +
    '</Settings>' +
    '<Actions Context="Author"><Exec><Command>' + ExpandConstant('{app}\{#AppExe}') +
    '</Command></Exec></Actions></Task>';
  SaveStringToFile(ExpandConstant('{tmp}\EmotionKioskTask.xml'), Xml, False);
end;
