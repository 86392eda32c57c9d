<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>CaseDetailView</name>
    <message numerus="yes">
        <location filename="../../app/ui/case_detail.py" line="308" />
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message numerus="yes">
        <location filename="../../app/ui/case_list.py" line="184" />
        <source>%n case(s) found</source>
        <translation>
            <numerusform>%n case found</numerusform><numerusform>%n cases found</numerusform></translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/changes_dialog.py" line="319" />
        <source>Execute %n approved change(s) in the source systems now? Removed data cannot be brought back by Privacy Desk.</source>
        <translation>
            <numerusform>Execute %n approved change in the source systems now? Removed data cannot be brought back by Privacy Desk.</numerusform><numerusform>Execute %n approved changes in the source systems now? Removed data cannot be brought back by Privacy Desk.</numerusform></translation>
    </message>
</context>
<context>
    <name>FindingsTab</name>
    <message numerus="yes">
        <location filename="../../app/ui/findings_tab.py" line="675" />
        <source>%n scan(s) being read (OCR)</source>
        <translation>
            <numerusform>%n scan being read (OCR)</numerusform>
            <numerusform>%n scans being read (OCR)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/findings_tab.py" line="376" />
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform><numerusform>%n records</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/findings_tab.py" line="572" />
        <source>%n system(s) searched</source>
        <translation>
            <numerusform>%n system searched</numerusform><numerusform>%n systems searched</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/findings_tab.py" line="573" />
        <source>%n record(s) found</source>
        <translation>
            <numerusform>%n record found</numerusform><numerusform>%n records found</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/findings_tab.py" line="575" />
        <source>%n system(s) failed</source>
        <translation>
            <numerusform>%n system failed</numerusform><numerusform>%n systems failed</numerusform></translation>
    </message>
</context>
<context>
    <name>IdentityCheckDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/case_dialogs.py" line="199" />
        <source>This case holds %n ID copy(ies); it will be deleted.</source>
        <translation>
            <numerusform>This case holds %n ID copy; it will be deleted.</numerusform><numerusform>This case holds %n ID copies; it will be deleted.</numerusform></translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/intake_dialog.py" line="190" />
        <location filename="../../app/ui/intake_dialog.py" line="193" />
        <source>%n field(s) need attention</source>
        <translation>
            <numerusform>%n field need attention</numerusform><numerusform>%n fields need attention</numerusform></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message numerus="yes">
        <location filename="../../app/ui/labels.py" line="161" />
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform><numerusform>%n days overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/labels.py" line="164" />
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform><numerusform>%n days left</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="216" />
        <source>%n case(s) overdue</source>
        <translation>
            <numerusform>%n case overdue</numerusform><numerusform>%n cases overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="218" />
        <source>%n due this week</source>
        <translation>
            <numerusform>%n due this week</numerusform><numerusform>%n due this week</numerusform></translation>
    </message>
</context>
<context>
    <name>PdfDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/pdf_preview.py" line="256" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
</context>
<context>
    <name>RegisterExportPage</name>
    <message numerus="yes">
        <location filename="../../app/ui/exports_dialog.py" line="189" />
        <source>%n case(s) written to %1</source>
        <translation>
            <numerusform>%n case written to %1</numerusform><numerusform>%n cases written to %1</numerusform></translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message numerus="yes">
        <location filename="../../app/ui/exports_dialog.py" line="285" />
        <source>%n case(s) past their retention period</source>
        <translation>
            <numerusform>%n case past their retention period</numerusform><numerusform>%n cases past their retention period</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/exports_dialog.py" line="303" />
        <source>Delete %n case(s) completely? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n case completely? This cannot be undone.</numerusform><numerusform>Delete %n cases completely? This cannot be undone.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/exports_dialog.py" line="306" />
        <source>Anonymise %n case(s)? All personal data of these cases is removed; this cannot be undone.</source>
        <translation>
            <numerusform>Anonymise %n case? All personal data of these cases is removed; this cannot be undone.</numerusform><numerusform>Anonymise %n cases? All personal data of these cases is removed; this cannot be undone.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/exports_dialog.py" line="332" />
        <source>%n case(s) done</source>
        <translation>
            <numerusform>%n case done</numerusform><numerusform>%n cases done</numerusform></translation>
    </message>
</context>
</TS>