; Inno Setup 6 script for Privacy Desk (Windows installer).
; Build the bundle first (dist\Privacy Desk\), then, from the repository root:
;   iscc /DAppVersion=0.1.0 installer\privacy-desk.iss
; Output: dist\installer\PrivacyDesk-<version>-setup.exe. See installer\README.md.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=0.1.0 installer\privacy-desk.iss
#endif

#define AppName "Privacy Desk"
#define AppExe "Privacy Desk.exe"
#define RepoRoot AddBackslash(SourcePath) + ".."
#define BundleDir RepoRoot + "\dist\Privacy Desk"

#if !FileExists(BundleDir + "\" + AppExe)
  #error The bundle is missing: run "pyinstaller --noconfirm --clean build_installer.spec" first.
#endif

[Setup]
; The AppId identifies the product for upgrades and the uninstaller: never change it.
AppId={{E35EC2AC-5073-4A34-9C2F-0099BAB9582A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Privacy Desk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed); the first page offers "all users".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#RepoRoot}\dist\installer
OutputBaseFilename=PrivacyDesk-{#AppVersion}-setup
SetupIconFile={#RepoRoot}\resources\icons\privacy-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
; Closes a running Privacy Desk before files are replaced on an upgrade.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: both executables and _internal\ (Python, Qt, resources, db).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's internals completely, so no stale module survives.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python may write __pycache__ beside the migration scripts (db\) in a per-user install.
; The case database and log in %LOCALAPPDATA%\PrivacyDesk are NOT removed: they are records.
Type: filesandordirs; Name: "{app}\_internal"
