; Inno Setup script for KH65 Desktop (Inno Setup 6, on Windows).
; Build the app first:   pyinstaller build_installer.spec      -> dist\KH65Desktop\
; Then:                  ISCC.exe /DAppVersion=0.1.0 installer\kh65.iss
; The installer needs no administrator rights: it installs for the current user only.
; The clerk's data (%LOCALAPPDATA%\KH65 Desktop: database, backups, log) is never touched,
; so uninstalling keeps it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "KH65 Desktop"
#define AppExe "kh65.exe"

[Setup]
AppId={{6E2B1A4C-65D1-4C6B-9C1E-2024065D0001}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=KH65 Desktop
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=Output
OutputBaseFilename=KH65Desktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\kh65.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\KH65Desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userprograms}\{#AppName} (bảng điều khiển hỗ trợ)"; Filename: "{app}\kh65-console.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Double-clicking a .kh65 package opens the import preview in KH65 Desktop (per user: HKCU).
Root: HKCU; Subkey: "Software\Classes\.kh65"; ValueType: string; ValueData: "KH65Desktop.Package"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\KH65Desktop.Package"; ValueType: string; ValueData: "Gói dữ liệu KH65"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\KH65Desktop.Package\DefaultIcon"; ValueType: string; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\KH65Desktop.Package\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" --import ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
