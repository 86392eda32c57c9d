<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AddDocumentDialog</name>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="251"/>
        <source>Add document</source>
        <translation>Document toevoegen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="261"/>
        <source>No file chosen</source>
        <translation>Geen bestand gekozen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="263"/>
        <source>C&amp;hoose file…</source>
        <translation>Bestand &amp;kiezen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="268"/>
        <source>I confirm the BSN and the photo are blacked out</source>
        <translation>Ik bevestig dat het BSN en de foto zijn afgeschermd</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="270"/>
        <source>An ID copy is kept only masked and is deleted after the identity check.</source>
        <translation>Een kopie van een identiteitsbewijs wordt alleen afgeschermd bewaard en na de identiteitscontrole verwijderd.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="274"/>
        <source>&amp;Kind:</source>
        <translation>Soo&amp;rt:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="275"/>
        <source>&amp;File:</source>
        <translation>&amp;Bestand:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="280"/>
        <source>&amp;Add document</source>
        <translation>Document &amp;toevoegen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="290"/>
        <source>Choose a document</source>
        <translation>Kies een document</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="292"/>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Documenten (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="303"/>
        <source>Choose the file to add.</source>
        <translation>Kies het bestand dat u wilt toevoegen.</translation>
    </message>
</context>
<context>
    <name>AuditChainStatus</name>
    <message>
        <location filename="../../app/ui/audit_status.py" line="59"/>
        <source>Checking the audit trail…</source>
        <translation>Audittrail wordt gecontroleerd…</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_status.py" line="70"/>
        <source>Audit trail intact</source>
        <translation>Audittrail intact</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_status.py" line="72"/>
        <source>Chain head: %1</source>
        <translation>Kop van de keten: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_status.py" line="91"/>
        <source>Audit trail broken</source>
        <translation>Audittrail verbroken</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_status.py" line="96"/>
        <source>The audit trail does not verify: %1 Run &apos;privacy-desk audit verify&apos; and restore the database from a backup.</source>
        <translation>De audittrail klopt niet: %1 Voer &apos;privacy-desk audit verify&apos; uit en zet de database terug uit een reservekopie.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../app/ui/widgets.py" line="176"/>
        <location filename="../../app/ui/widgets.py" line="177"/>
        <source>Hide this message</source>
        <translation>Deze melding verbergen</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../app/ui/case_detail.py" line="361"/>
        <source>Paused so far</source>
        <translation>Tot nu toe stilgezet</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="363"/>
        <source>Promise if resumed today</source>
        <translation>Toezegging als de klok vandaag weer loopt</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="365"/>
        <source>Legal deadline if resumed today</source>
        <translation>Wettelijke termijn als de klok vandaag weer loopt</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="109"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="111"/>
        <source>&amp;Link case…</source>
        <translation>Zaak &amp;koppelen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="113"/>
        <source>Link a reminder to the earlier request, or a related case</source>
        <translation>Koppel een herinnering aan het eerdere verzoek, of aan een verwante zaak</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="116"/>
        <source>Deci&amp;sions…</source>
        <translation>Be&amp;slissingen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="117"/>
        <source>The decision on each request type</source>
        <translation>De beslissing per soort verzoek</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="119"/>
        <source>Identi&amp;fiers…</source>
        <translation>Identi&amp;ficatiegegevens…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="121"/>
        <source>Customer numbers, IP addresses and other identifiers to search the systems by</source>
        <translation>Klantnummers, IP-adressen en andere gegevens waarop de systemen worden doorzocht</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="124"/>
        <source>Reloa&amp;d</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="139"/>
        <source>Next step:</source>
        <translation>Volgende stap:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="157"/>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="158"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="159"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="160"/>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="207"/>
        <source>Data subject</source>
        <translation>Betrokkene</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="208"/>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="209"/>
        <source>Deadlines</source>
        <translation>Termijnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="210"/>
        <source>&amp;Pause clock…</source>
        <translation>Termijn &amp;opschorten…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="211"/>
        <source>Res&amp;ume clock…</source>
        <translation>Termijn &amp;hervatten…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="212"/>
        <source>&amp;Grant extension…</source>
        <translation>&amp;Verlengen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="266"/>
        <source>%1 · received %2 · handled by %3</source>
        <translation>%1 · ontvangen %2 · behandeld door %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="282"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="282"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="284"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="286"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="288"/>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="296"/>
        <source>Representative</source>
        <translation>Vertegenwoordiger</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="299"/>
        <source>Authorisation</source>
        <translation>Machtiging</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="302"/>
        <source>received</source>
        <translation>ontvangen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="300"/>
        <source>missing: answer only after it has been received</source>
        <translation>ontbreekt: pas antwoorden als die is ontvangen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="304"/>
        <source>received, dated %1</source>
        <translation>ontvangen, gedateerd %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="315"/>
        <source>Identity</source>
        <translation>Identiteit</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="315"/>
        <source>not checked yet</source>
        <translation>nog niet gecontroleerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="319"/>
        <source>Request types</source>
        <translation>Soorten verzoek</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="320"/>
        <source>Decisions</source>
        <translation>Beslissingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="321"/>
        <source>Received on</source>
        <translation>Ontvangen op</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="322"/>
        <source>Registered on</source>
        <translation>Geregistreerd op</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="323"/>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="324"/>
        <source>Answer language</source>
        <translation>Taal van het antwoord</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="330"/>
        <source>Their reference</source>
        <translation>Uw kenmerk</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="332"/>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="335"/>
        <source>Linked case</source>
        <translation>Gekoppelde zaak</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="353"/>
        <source>The clock is paused: waiting for the data subject.</source>
        <translation>De termijn is opgeschort: wachten op de betrokkene.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="355"/>
        <source>Since %1: %2</source>
        <translation>Sinds %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="358"/>
        <source>Paused</source>
        <translation>Opgeschort</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="372"/>
        <source>post by %1 (working day before)</source>
        <translation>versturen uiterlijk %1 (werkdag ervoor)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="375"/>
        <source>Our promise</source>
        <translation>Onze toezegging</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="376"/>
        <source>Legal deadline</source>
        <translation>Wettelijke termijn</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="379"/>
        <source>notice sent %1: %2</source>
        <translation>bericht verstuurd %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="382"/>
        <source>Extended deadline</source>
        <translation>Verlengde termijn</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="384"/>
        <source>Refusal due by</source>
        <translation>Weigering uiterlijk</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="388"/>
        <source>Paused before</source>
        <translation>Eerder opgeschort</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/case_detail.py" line="361"/>
        <location filename="../../app/ui/case_detail.py" line="388"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="391"/>
        <source>Days left</source>
        <translation>Dagen over</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="399"/>
        <source>Ultimatum (reminder)</source>
        <translation>Uiterste datum (herinnering)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="401"/>
        <source>Reminder received</source>
        <translation>Herinnering ontvangen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="403"/>
        <source>Note</source>
        <translation>Let op</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="403"/>
        <source>A reminder about a request that was not found</source>
        <translation>Een herinnering over een verzoek dat niet gevonden is</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="427"/>
        <source>A closed case cannot be reopened. This cannot be undone.</source>
        <translation>Een gesloten zaak kan niet worden heropend. Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="429"/>
        <source>This status cannot be undone; the case can afterwards only be closed.</source>
        <translation>Deze status kan niet ongedaan worden gemaakt; de zaak kan daarna alleen nog worden gesloten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="432"/>
        <source>Case %1: %2?</source>
        <translation>Zaak %1: %2?</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="436"/>
        <source>Change status</source>
        <translation>Status wijzigen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="462"/>
        <source>Case changed meanwhile</source>
        <translation>Zaak is intussen gewijzigd</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="465"/>
        <source>&amp;Reload case</source>
        <translation>Zaak &amp;opnieuw laden</translation>
    </message>
</context>
<context>
    <name>CaseExportDialog</name>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="380"/>
        <source>Export dossier – %1</source>
        <translation>Dossier exporteren – %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="382"/>
        <source>A ZIP with the case file as PDF, every stored document and a manifest with their SHA-256. It contains personal data: store it safely.</source>
        <translation>Een ZIP met het zaakdossier als pdf, alle opgeslagen documenten en een overzicht met hun SHA-256. Het bevat persoonsgegevens: bewaar het veilig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="386"/>
        <source>Portability export – %1</source>
        <translation>Export voor overdraagbaarheid – %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="388"/>
        <source>A ZIP with the confirmed findings in a structured, machine-readable form (Art. 20 GDPR), for the data subject. Only confirmed findings are included.</source>
        <translation>Een ZIP met de bevestigde vondsten in een gestructureerde, machineleesbare vorm (art. 20 AVG), voor de betrokkene. Alleen bevestigde vondsten worden meegenomen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="393"/>
        <source>Choose file and &amp;export…</source>
        <translation>Bestand kiezen en &amp;exporteren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="395"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="428"/>
        <source>Saved as %1</source>
        <translation>Opgeslagen als %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="431"/>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <location filename="../../app/ui/case_form.py" line="96"/>
        <source>access (Art. 1&amp;5)</source>
        <translation>&amp;inzage (art. 15)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="97"/>
        <source>rectification (Art. 1&amp;6)</source>
        <translation>rectificatie (art. 1&amp;6)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="98"/>
        <source>erasure (Art. &amp;17)</source>
        <translation>verwijdering (art. 1&amp;7)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="99"/>
        <source>restriction (Art. 1&amp;8)</source>
        <translation>beperking (art. 1&amp;8)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="100"/>
        <source>portability (Art. 2&amp;0)</source>
        <translation>overdraagbaarheid (art. 2&amp;0)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="101"/>
        <source>ob&amp;jection (Art. 21)</source>
        <translation>bezwaar (art. 2&amp;1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="113"/>
        <location filename="../../app/ui/case_form.py" line="256"/>
        <source>dated</source>
        <translation>gedateerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="115"/>
        <source>Their letter is dated</source>
        <translation>De brief is gedateerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="121"/>
        <source>What does the person ask? (no copies of the letter)</source>
        <translation>Wat vraagt de betrokkene? (geen kopie van de brief)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="125"/>
        <source>The letter</source>
        <translation>De brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="127"/>
        <source>Re&amp;quest types:</source>
        <translation>Soort ver&amp;zoek:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="128"/>
        <source>&amp;Received on:</source>
        <translation>&amp;Ontvangen op:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="129"/>
        <source>Their re&amp;ference:</source>
        <translation>&amp;Uw kenmerk:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="130"/>
        <source>Their letter &amp;date:</source>
        <translation>Datum van de &amp;brief:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="131"/>
        <source>Channel:</source>
        <translation>&amp;Kanaal:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="132"/>
        <source>Answer lan&amp;guage:</source>
        <translation>&amp;Taal van het antwoord:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="133"/>
        <source>Summar&amp;y:</source>
        <translation>Sa&amp;menvatting:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="143"/>
        <source>van der</source>
        <translation>van der</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="146"/>
        <location filename="../../app/ui/case_form.py" line="217"/>
        <source>Street and house number</source>
        <translation>Straat en huisnummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="157"/>
        <source>known</source>
        <translation>bekend</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="159"/>
        <source>Date of birth known</source>
        <translation>Geboortedatum bekend</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="166"/>
        <source>Kind of the other identifier</source>
        <translation>Soort van het andere gegeven</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="168"/>
        <source>e.g. the IP address the letter mentions</source>
        <translation>bijv. het IP-adres dat de brief noemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="169"/>
        <source>Other identifier</source>
        <translation>Ander gegeven</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="171"/>
        <source>Data subject (betrokkene)</source>
        <translation>Betrokkene</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="173"/>
        <source>Sal&amp;utation:</source>
        <translation>Aan&amp;hef:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="174"/>
        <source>First &amp;name:</source>
        <translation>&amp;Voornaam:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="181"/>
        <source>Initials</source>
        <translation>Voorletters</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="182"/>
        <source>Name prefix (tussenvoegsel)</source>
        <translation>Tussenvoegsel</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="183"/>
        <source>&amp;Initials / prefix:</source>
        <translation>Voorletters / tussenvoegsel:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="185"/>
        <source>&amp;Last name: *</source>
        <translation>&amp;Achternaam: *</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="186"/>
        <source>&amp;Street and number:</source>
        <translation>Straat en huisnummer:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="187"/>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="188"/>
        <source>&amp;Town:</source>
        <translation>&amp;Woonplaats:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="189"/>
        <source>C&amp;ountry:</source>
        <translation>Lan&amp;d:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="190"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="191"/>
        <source>P&amp;hone:</source>
        <translation>Tele&amp;foon:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="192"/>
        <source>Date of &amp;birth:</source>
        <translation>&amp;Geboortedatum:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="195"/>
        <source>Customer nu&amp;mber:</source>
        <translation>Klant&amp;nummer:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="202"/>
        <source>Other identifier:</source>
        <translation>Ander gegeven:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="210"/>
        <source>Sent by a representative</source>
        <translation>Verstuurd door een ve&amp;rtegenwoordiger</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="227"/>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="228"/>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="229"/>
        <source>Organisation:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="230"/>
        <source>Street and number:</source>
        <translation>Straat en huisnummer:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="231"/>
        <source>Postcode:</source>
        <translation>Postcode:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="232"/>
        <source>Town:</source>
        <translation>Woonplaats:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="233"/>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="234"/>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="236"/>
        <source>Attach &amp;authorisation (machtiging)…</source>
        <translation>Machtiging toevoegen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="238"/>
        <source>Remove authorisation</source>
        <translation>Machtiging verwijderen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="241"/>
        <location filename="../../app/ui/case_form.py" line="364"/>
        <source>No authorisation attached</source>
        <translation>Geen machtiging toegevoegd</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="253"/>
        <source>Authorisation:</source>
        <translation>Machtiging:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="259"/>
        <source>The authorisation is dated</source>
        <translation>De machtiging is gedateerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="263"/>
        <source>Authorisation dated:</source>
        <translation>Machtiging gedateerd:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="269"/>
        <source>No authorisation (machtiging) attached: the case can be saved, but the answer may only be sent after the authorisation is received.</source>
        <translation>Geen machtiging toegevoegd: de zaak kan worden opgeslagen, maar het antwoord mag pas worden verstuurd als de machtiging is ontvangen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="331"/>
        <source>Attach the authorisation (machtiging)</source>
        <translation>De machtiging toevoegen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="333"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_form.py" line="354"/>
        <source>Authorisation: %1 (%2 kB)</source>
        <translation>Machtiging: %1 (%2 kB)</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <location filename="../../app/ui/case_list.py" line="78"/>
        <source>Search by reference, name, postcode, e-mail or town</source>
        <translation>Zoek op kenmerk, naam, postcode, e-mail of woonplaats</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="81"/>
        <source>Search cases</source>
        <translation>Zaken zoeken</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="84"/>
        <source>Status filter</source>
        <translation>Filter op status</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="85"/>
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="90"/>
        <source>Request type filter</source>
        <translation>Filter op soort verzoek</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="91"/>
        <source>All request types</source>
        <translation>Alle soorten verzoek</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="96"/>
        <source>Received in period</source>
        <translation>Ontvangen in periode</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="100"/>
        <source>Received: any date</source>
        <translation>Ontvangen: alle data</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="101"/>
        <source>Received: last 7 days</source>
        <translation>Ontvangen: afgelopen 7 dagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="102"/>
        <source>Received: last 30 days</source>
        <translation>Ontvangen: afgelopen 30 dagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="103"/>
        <source>Received: last 3 months</source>
        <translation>Ontvangen: afgelopen 3 maanden</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="104"/>
        <source>Received: this year</source>
        <translation>Ontvangen: dit jaar</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="105"/>
        <source>Received: last year</source>
        <translation>Ontvangen: vorig jaar</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="110"/>
        <source>&amp;Open cases only</source>
        <translation>Alleen &amp;open zaken</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="130"/>
        <source>Cases</source>
        <translation>Zaken</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="220"/>
        <source>%1 cases found, first %2 loaded (scroll for more)</source>
        <translation>%1 zaken gevonden, eerste %2 geladen (scroll voor meer)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list.py" line="217"/>
        <source>More than %1 cases found, first %2 loaded (scroll for more)</source>
        <translation>Meer dan %1 zaken gevonden, eerste %2 geladen (scroll voor meer)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/case_list.py" line="223"/>
        <source>%n case(s) found</source>
        <translation>
            <numerusform>%n zaak gevonden</numerusform>
            <numerusform>%n zaken gevonden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="48"/>
        <source>Reference</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="49"/>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="50"/>
        <source>Data subject</source>
        <translation>Betrokkene</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="51"/>
        <source>Request types</source>
        <translation>Soorten verzoek</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="52"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="53"/>
        <source>Legal deadline</source>
        <translation>Wettelijke termijn</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="54"/>
        <source>Days left</source>
        <translation>Dagen over</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="223"/>
        <source>paused</source>
        <translation>opgeschort</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="231"/>
        <source>The clock is paused until the data subject answers.</source>
        <translation>De termijn is opgeschort tot de betrokkene antwoordt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="237"/>
        <source>Post by (own promise): %1</source>
        <translation>Versturen uiterlijk (eigen toezegging): %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="243"/>
        <source>Legal deadline: %1</source>
        <translation>Wettelijke termijn: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="249"/>
        <source>Extended to: %1</source>
        <translation>Verlengd tot: %1</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="61"/>
        <source>delete the record</source>
        <translation>record verwijderen</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="62"/>
        <source>empty the fields</source>
        <translation>velden leegmaken</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="63"/>
        <source>mask the fields</source>
        <translation>velden maskeren</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="64"/>
        <source>keep</source>
        <translation>bewaren</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="65"/>
        <source>correct</source>
        <translation>corrigeren</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="66"/>
        <source>remove by hand</source>
        <translation>met de hand verwijderen</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="72"/>
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="73"/>
        <source>removed</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="74"/>
        <source>changed</source>
        <translation>gewijzigd</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="75"/>
        <source>kept</source>
        <translation>bewaard</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="76"/>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="77"/>
        <source>removed by hand</source>
        <translation>met de hand verwijderd</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="158"/>
        <source>Why &amp;kept…</source>
        <translation>Waarom &amp;bewaard…</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="248"/>
        <source>deleted by itself on %1</source>
        <translation>verdwijnt vanzelf op %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="250"/>
        <source>Art. 17(3)(%2) until %1</source>
        <translation>art. 17 lid 3 onder %2 tot %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="102"/>
        <source>Erasure – %1</source>
        <translation>Verwijdering – %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="104"/>
        <source>Plan the erasure of the confirmed findings. Nothing changes until you approve the plan and execute it. Data that must be kept is listed with its reason.</source>
        <translation>Plan de verwijdering van de bevestigde vondsten. Er verandert niets totdat u het plan goedkeurt en uitvoert. Gegevens die bewaard moeten blijven, staan vermeld met de reden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="108"/>
        <source>Rectification – %1</source>
        <translation>Rectificatie – %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="110"/>
        <source>Enter which field gets which new value, then plan the correction in every system with a confirmed finding. Nothing changes until you approve and execute.</source>
        <translation>Geef aan welk veld welke nieuwe waarde krijgt en plan dan de correctie in elk systeem met een bevestigde vondst. Er verandert niets totdat u goedkeurt en uitvoert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="117"/>
        <location filename="../../app/ui/changes_dialog.py" line="349"/>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="117"/>
        <location filename="../../app/ui/changes_dialog.py" line="352"/>
        <source>New value</source>
        <translation>Nieuwe waarde</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="121"/>
        <source>Add &amp;field</source>
        <translation>&amp;Veld toevoegen</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="132"/>
        <source>Planned changes</source>
        <translation>Geplande wijzigingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="134"/>
        <source>System / record</source>
        <translation>Systeem / record</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="134"/>
        <source>Action</source>
        <translation>Handeling</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="134"/>
        <source>Fields</source>
        <translation>Velden</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="135"/>
        <source>Reason / detail</source>
        <translation>Reden / toelichting</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="135"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="164"/>
        <source>Make &amp;plan</source>
        <translation>&amp;Plan maken</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="166"/>
        <source>&amp;Approve plan</source>
        <translation>Plan &amp;goedkeuren</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="168"/>
        <location filename="../../app/ui/changes_dialog.py" line="325"/>
        <source>E&amp;xecute…</source>
        <translation>&amp;Uitvoeren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="170"/>
        <source>Suppress &amp;direct marketing</source>
        <translation>&amp;Direct marketing blokkeren</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="172"/>
        <source>Put the e-mail address on the suppression list (objection to marketing)</source>
        <translation>Het e-mailadres op de blokkeerlijst zetten (bezwaar tegen marketing)</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="175"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="325"/>
        <source>E&amp;xecute again…</source>
        <translation>Opnieuw &amp;uitvoeren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="329"/>
        <source>No plan yet.</source>
        <translation>Nog geen plan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="331"/>
        <source>not approved yet</source>
        <translation>nog niet goedgekeurd</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="333"/>
        <source>approved, ready to execute</source>
        <translation>goedgekeurd, klaar om uit te voeren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/changes_dialog.py" line="403"/>
        <source>Case %1: execute %n approved change(s)</source>
        <translation>
            <numerusform>Zaak %1: %n goedgekeurde wijziging uitvoeren</numerusform>
            <numerusform>Zaak %1: %n goedgekeurde wijzigingen uitvoeren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/changes_dialog.py" line="406"/>
        <source>in %n source system(s) now?</source>
        <translation>
            <numerusform>in %n bronsysteem nu?</numerusform>
            <numerusform>in %n bronsystemen nu?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="408"/>
        <source>Removed or overwritten data cannot be brought back by Privacy Desk. This cannot be undone.</source>
        <translation>Verwijderde of overschreven gegevens kan Privacy Desk niet terughalen. Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="412"/>
        <source>&amp;Execute changes</source>
        <translation>Wijzigingen &amp;uitvoeren</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="436"/>
        <source>Executing the changes…</source>
        <translation>Wijzigingen uitvoeren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="468"/>
        <source>The address is now on the suppression list.</source>
        <translation>Het adres staat nu op de blokkeerlijst.</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="470"/>
        <source>The address was already on the suppression list.</source>
        <translation>Het adres stond al op de blokkeerlijst.</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="149"/>
        <source>What was removed by hand, where and how (required)</source>
        <translation>Wat is met de hand verwijderd, waar en hoe (verplicht)</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="151"/>
        <source>Note on the removal by hand</source>
        <translation>Toelichting bij het verwijderen met de hand</translation>
    </message>
    <message>
        <location filename="../../app/ui/changes_dialog.py" line="152"/>
        <source>Record removed by &amp;hand</source>
        <translation>Met de &amp;hand verwijderd vastleggen</translation>
    </message>
</context>
<context>
    <name>ConnectorsDialog</name>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="206"/>
        <location filename="../../app/ui/connectors_dialog.py" line="211"/>
        <source>Systems</source>
        <translation>Systemen</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="212"/>
        <location filename="../../app/ui/connectors_dialog.py" line="224"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="212"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="212"/>
        <source>Enabled</source>
        <translation>Actief</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="215"/>
        <source>&amp;New system</source>
        <translation>&amp;Nieuw systeem</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="229"/>
        <source>Sea&amp;rch this system for every case</source>
        <translation>Dit systeem voor elke zaak &amp;doorzoeken</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="232"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="242"/>
        <source>N&amp;ame:</source>
        <translation>N&amp;aam:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="243"/>
        <source>&amp;Kind:</source>
        <translation>Soo&amp;rt:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="246"/>
        <source>Ti&amp;me-out:</source>
        <translation>Ti&amp;me-out:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="257"/>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="259"/>
        <source>&amp;Test connection</source>
        <translation>Verbinding &amp;testen</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="260"/>
        <source>Saves the settings and tries to reach the system</source>
        <translation>Slaat de instellingen op en probeert het systeem te bereiken</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="262"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="290"/>
        <source>Passwords are stored in the operating system&apos;s keyring.</source>
        <translation>Wachtwoorden worden bewaard in de sleutelbos van het besturingssysteem.</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="293"/>
        <source>No keyring is available on this computer: passwords are stored in an encrypted file, opened with a passphrase asked once per session.</source>
        <translation>Deze computer heeft geen sleutelbos: wachtwoorden staan in een versleuteld bestand, dat wordt geopend met een wachtzin die eenmaal per sessie wordt gevraagd.</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="297"/>
        <source>No keyring is available on this computer: passwords are kept in memory only and will be asked for again after a restart.</source>
        <translation>Op deze computer is geen sleutelbos beschikbaar: wachtwoorden blijven alleen in het geheugen en worden na een herstart opnieuw gevraagd.</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="310"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="310"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="314"/>
        <source>The password still has to be entered.</source>
        <translation>Het wachtwoord moet nog worden ingevuld.</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="382"/>
        <source>Not saved: the passwords need the passphrase of the encrypted file.</source>
        <translation>Niet opgeslagen: voor de wachtwoorden is de wachtzin van het versleutelde bestand nodig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="418"/>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="429"/>
        <source>&apos;%1&apos; is required.</source>
        <translation>&apos;%1&apos; is verplicht.</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="437"/>
        <location filename="../../app/ui/connectors_dialog.py" line="442"/>
        <source>Testing the connection…</source>
        <translation>Verbinding testen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="453"/>
        <source>OK: %1</source>
        <translation>OK: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="462"/>
        <source>Failed: %1</source>
        <translation>Mislukt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="470"/>
        <source>Delete the system &apos;%1&apos;? Its settings and stored passwords are removed and it is no longer searched; findings already stored stay with their cases. This cannot be undone.</source>
        <translation>Het systeem &apos;%1&apos; verwijderen? De instellingen en opgeslagen wachtwoorden worden verwijderd en het wordt niet meer doorzocht; al opgeslagen vondsten blijven bij hun zaken. Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="475"/>
        <source>Delete system</source>
        <translation>Systeem verwijderen</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="475"/>
        <source>&amp;Delete system</source>
        <translation>Systeem &amp;verwijderen</translation>
    </message>
</context>
<context>
    <name>DeadlineOverview</name>
    <message>
        <location filename="../../app/ui/overview.py" line="183"/>
        <source>paused since %1 (%2 days)</source>
        <translation>stilgezet sinds %1 (%2 dagen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="187"/>
        <source>%1 if resumed today</source>
        <translation>%1 als de klok vandaag weer loopt</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="68"/>
        <source>Deadline overview</source>
        <translation>Termijnoverzicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="72"/>
        <source>E&amp;xport to calendar (.ics)…</source>
        <translation>E&amp;xporteren naar agenda (.ics)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="74"/>
        <source>Save the deadlines of all open cases as a calendar file (references only)</source>
        <translation>De termijnen van alle open zaken opslaan als agendabestand (alleen kenmerken)</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="77"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="88"/>
        <source>Open cases by urgency</source>
        <translation>Open zaken naar urgentie</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="92"/>
        <source>Reference</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="93"/>
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="94"/>
        <source>Data subject</source>
        <translation>Betrokkene</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="95"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="96"/>
        <source>Post by (promise)</source>
        <translation>Versturen uiterlijk</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="97"/>
        <source>Legal deadline</source>
        <translation>Wettelijke termijn</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="98"/>
        <source>Days left</source>
        <translation>Dagen over</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="164"/>
        <source>… and %1 more: see the Cases page</source>
        <translation>… en nog %1: zie het tabblad Zaken</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="191"/>
        <source>clock paused</source>
        <translation>termijn opgeschort</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="196"/>
        <source>%1 (extended)</source>
        <translation>%1 (verlengd)</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="199"/>
        <source>%1 · ultimatum %2</source>
        <translation>%1 · uiterste datum %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="144"/>
        <source>Counted to the legal deadline (extended when granted)</source>
        <translation>Geteld tot de wettelijke termijn (verlengd als verlenging is verleend)</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="224"/>
        <source>A reminder demands an answer by %1</source>
        <translation>Een herinnering eist een antwoord uiterlijk %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="233"/>
        <source>%1 overdue · %2 due within 7 days · %3 due later · %4 paused</source>
        <translation>%1 te laat · %2 binnen 7 dagen · %3 later · %4 opgeschort</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="255"/>
        <source>Export deadlines to a calendar file</source>
        <translation>Termijnen exporteren naar een agendabestand</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="257"/>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-bestanden (*.ics)</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="265"/>
        <source>Collecting open deadlines…</source>
        <translation>Open termijnen verzamelen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="273"/>
        <source>%1 deadlines written to %2</source>
        <translation>%1 termijnen opgeslagen in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview.py" line="279"/>
        <source>Exporting deadlines…</source>
        <translation>Termijnen exporteren…</translation>
    </message>
</context>
<context>
    <name>DecisionsDialog</name>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="377"/>
        <source>Decisions</source>
        <translation>Beslissingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="380"/>
        <source>Record what was decided on each request. Sending an answer letter fills this in; the register export, the yearly report and the retention period use it.</source>
        <translation>Leg per verzoek vast wat er is besloten. Een verstuurde antwoordbrief vult dit in; de registerexport, het jaarverslag en de bewaartermijn gebruiken het.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="396"/>
        <source>Ground of the refusal</source>
        <translation>Grond van de weigering</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="397"/>
        <source>Why it was refused: counted in the yearly report</source>
        <translation>Waarom is geweigerd: telt mee in het jaaroverzicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="412"/>
        <source>&amp;Save decisions</source>
        <translation>Beslissingen &amp;opslaan</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../app/ui/case_panels.py" line="55"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="57"/>
        <source>&amp;Add document…</source>
        <translation>Document &amp;toevoegen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="59"/>
        <source>Record &amp;identity check…</source>
        <translation>&amp;Identiteitscontrole vastleggen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="61"/>
        <source>Recording the identity check deletes the ID copies of the case.</source>
        <translation>Het vastleggen van de identiteitscontrole verwijdert de kopieën van identiteitsbewijzen in deze zaak.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="73"/>
        <source>Select a document to see it here.</source>
        <translation>Kies een document om het hier te bekijken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="111"/>
        <source>deleted after the identity check</source>
        <translation>verwijderd na de identiteitscontrole</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="113"/>
        <source>masked</source>
        <translation>afgeschermd</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="120"/>
        <source>This case has no documents yet.</source>
        <translation>Deze zaak heeft nog geen documenten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="131"/>
        <source>This ID copy was deleted after the identity check.</source>
        <translation>Deze kopie van het identiteitsbewijs is na de identiteitscontrole verwijderd.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="149"/>
        <source>This PDF cannot be shown (it may be damaged). It is kept unchanged.</source>
        <translation>Deze pdf kan niet worden getoond (mogelijk beschadigd). Het bestand blijft ongewijzigd bewaard.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="158"/>
        <source>This image cannot be shown. It is kept unchanged.</source>
        <translation>Deze afbeelding kan niet worden getoond. Het bestand blijft ongewijzigd bewaard.</translation>
    </message>
</context>
<context>
    <name>EarlierCasesPanel</name>
    <message>
        <location filename="../../app/ui/earlier_cases.py" line="19"/>
        <source>Earlier case of this person</source>
        <translation>Eerdere zaak van deze persoon</translation>
    </message>
    <message>
        <location filename="../../app/ui/earlier_cases.py" line="40"/>
        <source>the letter quotes this reference</source>
        <translation>de brief noemt dit kenmerk</translation>
    </message>
    <message>
        <location filename="../../app/ui/earlier_cases.py" line="42"/>
        <source>same person, case still open</source>
        <translation>dezelfde persoon, zaak nog open</translation>
    </message>
    <message>
        <location filename="../../app/ui/earlier_cases.py" line="45"/>
        <source>%1 – %2, %3 (%4), received %5: %6</source>
        <translation>%1 – %2, %3 (%4), ontvangen %5: %6</translation>
    </message>
    <message>
        <location filename="../../app/ui/earlier_cases.py" line="55"/>
        <source>Name and address do not match the letter: check before linking.</source>
        <translation>Naam en adres komen niet overeen met de brief: controleer dit voor u koppelt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/earlier_cases.py" line="65"/>
        <source>Register as reminder on %1</source>
        <translation>Als herinnering bij %1 registreren</translation>
    </message>
    <message>
        <location filename="../../app/ui/earlier_cases.py" line="70"/>
        <source>The letter is stored on that case with an event; no new case and no new deadline</source>
        <translation>De brief wordt bij die zaak bewaard met een gebeurtenis; geen nieuwe zaak en geen nieuwe termijn</translation>
    </message>
    <message>
        <location filename="../../app/ui/earlier_cases.py" line="82"/>
        <source>Saved as a new case, it is marked as a possible duplicate of the open case.</source>
        <translation>Als nieuwe zaak opgeslagen wordt hij gemarkeerd als mogelijk dubbel van de open zaak.</translation>
    </message>
</context>
<context>
    <name>EditCaseDialog</name>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="319"/>
        <source>Edit case</source>
        <translation>Zaak wijzigen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="324"/>
        <source>Save &amp;changes</source>
        <translation>Wijzigingen op&amp;slaan</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../app/ui/errors.py" line="72"/>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="78"/>
        <source>Privacy Desk ran into an error it did not expect. Your last action may not have been saved; check the case before you continue.

Please send the details below to your support contact. They are also written to the log file:
%1</source>
        <translation>Privacy Desk kwam een fout tegen die niet werd verwacht. Uw laatste handeling is mogelijk niet opgeslagen; controleer de zaak voordat u verdergaat.

Stuur de gegevens hieronder naar uw contactpersoon voor ondersteuning. Ze staan ook in het logbestand:
%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="88"/>
        <source>Error details</source>
        <translation>Details van de fout</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="91"/>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopiëren</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../app/ui/errors.py" line="119"/>
        <source>Privacy Desk</source>
        <translation>Privacy Desk</translation>
    </message>
</context>
<context>
    <name>ExportsDialog</name>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="349"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="355"/>
        <source>Register of requests</source>
        <translation>Register van verzoeken</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="356"/>
        <source>Yearly report</source>
        <translation>Jaarverslag</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="357"/>
        <source>Retention</source>
        <translation>Bewaartermijn</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="358"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="171"/>
        <source>Grant extension</source>
        <translation>Termijn verlengen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="174"/>
        <source>Extend the deadline by two months (Art. 12(3) GDPR) because of the complexity or number of requests. Only possible when the data subject is told, with the reasons, within the first month.</source>
        <translation>Verleng de termijn met twee maanden (art. 12 lid 3 AVG) vanwege de complexiteit of het aantal verzoeken. Dit kan alleen als de betrokkene binnen de eerste maand is geïnformeerd, met de redenen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="184"/>
        <source>&amp;Notice sent on:</source>
        <translation>&amp;Bericht verstuurd op:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="185"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="186"/>
        <source>&amp;Grant extension</source>
        <translation>Termijn &amp;verlengen</translation>
    </message>
</context>
<context>
    <name>FeatureHooks</name>
    <message>
        <location filename="../../app/ui/case_detail.py" line="164"/>
        <source>Letters</source>
        <translation>Brieven</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="165"/>
        <source>Systems</source>
        <translation>Systemen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103"/>
        <source>Today&apos;s letters</source>
        <translation>Brieven van vandaag</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="248"/>
        <source>&amp;Tools</source>
        <translation>E&amp;xtra</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="255"/>
        <source>&amp;Systems…</source>
        <translation>&amp;Systemen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="260"/>
        <source>Processing &amp;register…</source>
        <translation>Verwerkings&amp;register…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="265"/>
        <source>&amp;Print today&apos;s letters…</source>
        <translation>Brieven van vandaag &amp;afdrukken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="270"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../app/ui/findings_support.py" line="28"/>
        <source>strong match</source>
        <translation>sterke overeenkomst</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="29"/>
        <source>weak match – review</source>
        <translation>zwakke overeenkomst – beoordelen</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="30"/>
        <source>not attributable</source>
        <translation>niet herleidbaar</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="36"/>
        <source>confirmed</source>
        <translation>bevestigd</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="37"/>
        <source>to review</source>
        <translation>te beoordelen</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="38"/>
        <source>rejected</source>
        <translation>afgewezen</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="44"/>
        <source>waiting</source>
        <translation>wacht</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="45"/>
        <source>searching</source>
        <translation>zoekt</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="46"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="47"/>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="48"/>
        <source>manual check</source>
        <translation>handmatige controle</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="49"/>
        <source>cancelled</source>
        <translation>afgebroken</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_support.py" line="50"/>
        <source>scans being read</source>
        <translation>scans worden gelezen</translation>
    </message>
</context>
<context>
    <name>FindingsTab</name>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="213"/>
        <source>&amp;Undo rejection</source>
        <translation>Afwijzing &amp;ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="214"/>
        <source>Put the findings just rejected back as they were</source>
        <translation>Zet de zojuist afgewezen vondsten terug zoals ze waren</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="96"/>
        <source>&amp;Search all systems</source>
        <translation>Alle systemen &amp;doorzoeken</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="98"/>
        <source>Cancel search</source>
        <translation>Zoeken annuleren</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="116"/>
        <source>&amp;Erasure…</source>
        <translation>&amp;Verwijdering…</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="118"/>
        <source>&amp;Rectification…</source>
        <translation>&amp;Rectificatie…</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="129"/>
        <source>Search progress per system</source>
        <translation>Voortgang van het zoeken per systeem</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="131"/>
        <location filename="../../app/ui/findings_tab.py" line="242"/>
        <location filename="../../app/ui/findings_tab.py" line="278"/>
        <source>System</source>
        <translation>Systeem</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="131"/>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="131"/>
        <location filename="../../app/ui/findings_tab.py" line="278"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="131"/>
        <source>Found</source>
        <translation>Gevonden</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="132"/>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="144"/>
        <location filename="../../app/ui/findings_tab.py" line="173"/>
        <source>Findings</source>
        <translation>Vondsten</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="145"/>
        <location filename="../../app/ui/findings_tab.py" line="240"/>
        <location filename="../../app/ui/findings_tab.py" line="417"/>
        <source>Manual checks</source>
        <translation>Handmatige controles</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="146"/>
        <location filename="../../app/ui/findings_tab.py" line="276"/>
        <source>Search history</source>
        <translation>Zoekgeschiedenis</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="162"/>
        <source>Only confirmed findings go into the access letter and into erasure or rectification. Strong matches are confirmed in advance; weak matches (for example a name only) wait for your review.</source>
        <translation>Alleen bevestigde vondsten komen in de inzagebrief en in verwijdering of rectificatie. Sterke overeenkomsten zijn vooraf bevestigd; zwakke overeenkomsten (bijvoorbeeld alleen een naam) wachten op uw beoordeling.</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="169"/>
        <source>Show only findings to &amp;review</source>
        <translation>Alleen te &amp;beoordelen vondsten tonen</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="176"/>
        <source>System / record</source>
        <translation>Systeem / record</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="177"/>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="177"/>
        <source>Matched on</source>
        <translation>Gevonden op</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="176"/>
        <source>Match</source>
        <translation>Overeenkomst</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="106"/>
        <source>Stop reading scans</source>
        <translation>Lezen van scans stoppen</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="176"/>
        <source>Review</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="185"/>
        <source>Fields of the finding</source>
        <translation>Velden van de vondst</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="186"/>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="186"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="203"/>
        <source>&amp;Confirm selected</source>
        <translation>Selectie &amp;bevestigen</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="205"/>
        <source>Re&amp;ject selected</source>
        <translation>Selectie &amp;afwijzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="220"/>
        <source>&amp;Back to review</source>
        <translation>&amp;Terug ter beoordeling</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="223"/>
        <source>Undo the rejection of the selected findings: they are to review again (possible until the access, erasure or rectification letter is final)</source>
        <translation>De afwijzing van de geselecteerde vondsten ongedaan maken: ze moeten weer worden beoordeeld (mogelijk tot de brief over inzage, wissing of rectificatie definitief is)</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="242"/>
        <source>What to do</source>
        <translation>Wat te doen</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="242"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="242"/>
        <source>Done by</source>
        <translation>Gedaan door</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="248"/>
        <source>Nothing found</source>
        <translation>Niets gevonden</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="249"/>
        <source>Data found</source>
        <translation>Gegevens gevonden</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="254"/>
        <source>What was found, and where (required when found)</source>
        <translation>Wat is gevonden en waar (verplicht als er iets is gevonden)</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="260"/>
        <source>Record &amp;result</source>
        <translation>&amp;Resultaat vastleggen</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="263"/>
        <source>Result:</source>
        <translation>Resultaat:</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="264"/>
        <source>Note:</source>
        <translation>Notitie:</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="278"/>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="278"/>
        <source>Operation</source>
        <translation>Handeling</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="279"/>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="279"/>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/findings_tab.py" line="357"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="361"/>
        <source>%1 confirmed · %2 to review · %3 in total</source>
        <translation>%1 bevestigd · %2 te beoordelen · %3 in totaal</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="367"/>
        <source>No findings yet: search all systems first.</source>
        <translation>Nog geen vondsten: doorzoek eerst alle systemen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="395"/>
        <source>Categories: %1</source>
        <translation>Categorieën: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="399"/>
        <source>Reviewed by %1</source>
        <translation>Beoordeeld door %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="404"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="404"/>
        <source>data found</source>
        <translation>gegevens gevonden</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="405"/>
        <source>nothing found</source>
        <translation>niets gevonden</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="543"/>
        <source>Password needed</source>
        <translation>Wachtwoord nodig</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="544"/>
        <source>%1 needs its %2.
%3</source>
        <translation>%1 heeft zijn %2 nodig.
%3</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="580"/>
        <source>Searching…</source>
        <translation>Bezig met zoeken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="602"/>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="616"/>
        <source>Progress of %1</source>
        <translation>Voortgang van %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/findings_tab.py" line="651"/>
        <source>%n system(s) searched</source>
        <translation>
            <numerusform>%n systeem doorzocht</numerusform>
            <numerusform>%n systemen doorzocht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/findings_tab.py" line="652"/>
        <source>%n record(s) found</source>
        <translation>
            <numerusform>%n record gevonden</numerusform>
            <numerusform>%n records gevonden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/findings_tab.py" line="654"/>
        <source>%n system(s) failed</source>
        <translation>
            <numerusform>%n systeem mislukt</numerusform>
            <numerusform>%n systemen mislukt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="656"/>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="672"/>
        <source>All scans are read: search again to include them.</source>
        <translation>Alle scans zijn gelezen: zoek opnieuw om ze mee te nemen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/findings_tab.py" line="675"/>
        <source>%n scan(s) being read (OCR)</source>
        <translation>
            <numerusform>%n scan wordt gelezen (OCR)</numerusform>
            <numerusform>%n scans worden gelezen (OCR)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="690"/>
        <source>Reading the scans was stopped; a new search starts it again.</source>
        <translation>Het lezen van de scans is gestopt; een nieuwe zoekactie start het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_tab.py" line="699"/>
        <source>The search failed.</source>
        <translation>Het zoeken is mislukt.</translation>
    </message>
</context>
<context>
    <name>GateDialog</name>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="34"/>
        <source>Not everything is done yet</source>
        <translation>Nog niet alles is gedaan</translation>
    </message>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="43"/>
        <source>This letter cannot be final yet. Do what is listed below first (Cancel), or write for each point why the letter goes out without it. Your reasons are kept in the case history, and the letter tells the person what was not done.</source>
        <translation>Deze brief kan nog niet definitief worden. Doe eerst wat hieronder staat (Annuleren), of schrijf bij elk punt waarom de brief toch zonder verstuurd wordt. Uw redenen worden in de geschiedenis van de zaak bewaard, en de brief vertelt de betrokkene wat niet is gedaan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="57"/>
        <source>Reason for going on without this (required)</source>
        <translation>Reden om zonder dit verder te gaan (verplicht)</translation>
    </message>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="58"/>
        <source>Reason for overriding: %1</source>
        <translation>Reden om af te wijken: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="67"/>
        <source>Finalise with these reasons</source>
        <translation>Definitief maken met deze redenen</translation>
    </message>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="78"/>
        <source>Write why the letter goes out without this.</source>
        <translation>Schrijf waarom de brief zonder dit wordt verstuurd.</translation>
    </message>
</context>
<context>
    <name>GuiController</name>
    <message>
        <location filename="../../app/ui/app.py" line="116"/>
        <source>Creating demo cases…</source>
        <translation>Demozaken aanmaken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="165"/>
        <source>The database cannot be opened</source>
        <translation>De database kan niet worden geopend</translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="176"/>
        <location filename="../../app/ui/app.py" line="198"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
</context>
<context>
    <name>IdentifiersDialog</name>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="467"/>
        <source>Identifiers</source>
        <translation>Identificatiegegevens</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="470"/>
        <source>The systems are searched by the case&apos;s name, address, e-mail and phone, and by these identifiers. Add what the letter or the identity check gave: a customer number, another e-mail address, the IP address or user id the person used. Search the systems again after a change.</source>
        <translation>De systemen worden doorzocht op de naam, het adres, het e-mailadres en het telefoonnummer van de zaak, en op deze gegevens. Voeg toe wat de brief of de identiteitscontrole opleverde: een klantnummer, een ander e-mailadres, het IP-adres of de gebruikersnaam die de persoon gebruikte. Doorzoek de systemen opnieuw na een wijziging.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="480"/>
        <source>&amp;Add identifier</source>
        <translation>Gegeven &amp;toevoegen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="487"/>
        <source>&amp;Save identifiers</source>
        <translation>Gegevens &amp;opslaan</translation>
    </message>
</context>
<context>
    <name>IdentityCheckDialog</name>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="202"/>
        <source>Record identity check</source>
        <translation>Identiteitscontrole vastleggen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="205"/>
        <source>Recording the check deletes every ID copy of this case. Only the method, the outcome, the date, who checked and the document type are kept.</source>
        <translation>Het vastleggen van de controle verwijdert elke kopie van een identiteitsbewijs in deze zaak. Alleen de methode, de uitkomst, de datum, wie controleerde en het soort document worden bewaard.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/case_dialogs.py" line="209"/>
        <source>This case holds %n ID copy(ies); it will be deleted.</source>
        <translation>
            <numerusform>Deze zaak bevat %n kopie van een identiteitsbewijs; die wordt verwijderd.</numerusform>
            <numerusform>Deze zaak bevat %n kopieën van identiteitsbewijzen; die worden verwijderd.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="224"/>
        <source>e.g. passport, driving licence</source>
        <translation>bijv. paspoort, rijbewijs</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="226"/>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="227"/>
        <source>&amp;Outcome:</source>
        <translation>&amp;Uitkomst:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="228"/>
        <source>&amp;Checked on:</source>
        <translation>&amp;Gecontroleerd op:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="229"/>
        <source>&amp;Document type:</source>
        <translation>Soort &amp;document:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="230"/>
        <source>No&amp;te:</source>
        <translation>&amp;Notitie:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="231"/>
        <source>&amp;Record check</source>
        <translation>Controle &amp;vastleggen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="219"/>
        <source>Choose the outcome…</source>
        <translation>Kies de uitkomst…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="235"/>
        <source>Choose the outcome of the check.</source>
        <translation>Kies de uitkomst van de controle.</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="61"/>
        <location filename="../../app/ui/inbox_view.py" line="82"/>
        <source>Letters to register</source>
        <translation>Te registreren brieven</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="67"/>
        <source>&amp;Register…</source>
        <translation>&amp;Registreren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="70"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="85"/>
        <source>Arrived</source>
        <translation>Binnengekomen</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="85"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="85"/>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="85"/>
        <source>The letter says</source>
        <translation>De brief zegt</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="118"/>
        <source>No hot folder is set: choose the scanner&apos;s folder in Settings.</source>
        <translation>Er is geen scanmap ingesteld: kies de map van de scanner bij Instellingen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="122"/>
        <source>Hot folder: %1</source>
        <translation>Scanmap: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="166"/>
        <source>Reading a letter from the hot folder…</source>
        <translation>Een brief uit de scanmap wordt gelezen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="180"/>
        <source>being read…</source>
        <translation>wordt gelezen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="181"/>
        <source>ready to register</source>
        <translation>klaar om te registreren</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="182"/>
        <source>could not be read</source>
        <translation>kon niet gelezen worden</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="183"/>
        <source>being registered by %1</source>
        <translation>wordt geregistreerd door %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="212"/>
        <source>reminder</source>
        <translation>herinnering</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="216"/>
        <source>earlier case %1</source>
        <translation>eerdere zaak %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/inbox_view.py" line="232"/>
        <source>Letter not available</source>
        <translation>Brief niet beschikbaar</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="82"/>
        <source>New letter</source>
        <translation>Nieuwe brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="88"/>
        <source>Register the letter on the day it arrives. Fields marked * are required; give a postal address or at least an e-mail address to answer to.</source>
        <translation>Registreer de brief op de dag van ontvangst. Velden met * zijn verplicht; vul een postadres of ten minste een e-mailadres in om naar te antwoorden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="103"/>
        <source>Attach scan…</source>
        <translation>S&amp;can toevoegen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="105"/>
        <source>Remo&amp;ve scan</source>
        <translation>Scan verwijderen</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="108"/>
        <source>Read letter te&amp;xt…</source>
        <translation>Brieftekst &amp;lezen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="110"/>
        <source>Paste the text of the letter to have the request types suggested</source>
        <translation>Plak de tekst van de brief om de soorten verzoek te laten voorstellen</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="123"/>
        <location filename="../../app/ui/intake_dialog.py" line="270"/>
        <source>No scan attached</source>
        <translation>Geen scan toegevoegd</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="127"/>
        <source>Scan of the letter</source>
        <translation>Scan van de brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="141"/>
        <source>Save &amp;case</source>
        <translation>Zaak op&amp;slaan</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="156"/>
        <source>A reminder about a request we cannot find: register it as a new case, flagged as such</source>
        <translation>Een herinnering over een verzoek dat we niet kunnen vinden: als nieuwe zaak registreren, zo gemarkeerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="199"/>
        <source>Register letter: %1</source>
        <translation>Brief registreren: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="204"/>
        <source>Scan from the hot folder: %1</source>
        <translation>Scan uit de scanmap: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="207"/>
        <source>The day the scan arrived in the hot folder</source>
        <translation>De dag waarop de scan in de scanmap binnenkwam</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="234"/>
        <source>Attach the scan of the letter</source>
        <translation>Scan van de brief toevoegen</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="236"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="257"/>
        <source>Scan: %1 (%2 kB)</source>
        <translation>Scan: %1 (%2 kB)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="330"/>
        <source>Reading the text of the scan…</source>
        <translation>De tekst van de scan wordt gelezen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="339"/>
        <source>The scan could not be read: %1</source>
        <translation>De scan kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="341"/>
        <source>Use “Read letter text…” to paste the text instead.</source>
        <translation>Gebruik “Brieftekst lezen…” om de tekst te plakken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="36"/>
        <source>their reference %1</source>
        <translation>uw kenmerk %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="48"/>
        <source>letter date %1</source>
        <translation>briefdatum %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="63"/>
        <source>answer language %1</source>
        <translation>antwoordtaal %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="398"/>
        <source>Link to another person&apos;s case?</source>
        <translation>Koppelen aan de zaak van iemand anders?</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="400"/>
        <source>%1 is a case of %2 (%3). The name and address of this letter do not match. Register the letter as a reminder on that case anyway?</source>
        <translation>%1 is een zaak van %2 (%3). Naam en adres van deze brief komen niet overeen. De brief toch als herinnering bij die zaak registreren?</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="108"/>
        <source>name %1</source>
        <translation>naam %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="122"/>
        <source>address %1</source>
        <translation>adres %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="125"/>
        <source>e-mail %1</source>
        <translation>e-mail %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="126"/>
        <source>telephone %1</source>
        <translation>telefoon %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="130"/>
        <source>customer number %1</source>
        <translation>klantnummer %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="140"/>
        <source>date of birth %1</source>
        <translation>geboortedatum %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="157"/>
        <source>authorisation dated %1</source>
        <translation>machtiging gedateerd %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="184"/>
        <source>representative %1</source>
        <translation>vertegenwoordiger %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="194"/>
        <source>%1 (Art. %2)</source>
        <translation>%1 (art. %2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="212"/>
        <source>From the text layer of the scan:</source>
        <translation>Uit de tekstlaag van de scan:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="214"/>
        <source>From the pasted letter text:</source>
        <translation>Uit de geplakte brieftekst:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="217"/>
        <source>From the scan in the hot folder:</source>
        <translation>Uit de scan in de scanmap:</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="220"/>
        <source>Warning: this looks like a complaint to the supervisory authority (Art. 77), not a request to the organisation. Do not register it as a request.</source>
        <translation>Let op: dit lijkt een klacht bij de toezichthouder (art. 77), geen verzoek aan de organisatie. Registreer dit niet als verzoek.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="229"/>
        <source>This looks like a reminder about an earlier request: link it to that case instead of registering a new request.</source>
        <translation>Dit lijkt een herinnering aan een eerder verzoek: koppel de brief aan die zaak in plaats van een nieuw verzoek te registreren.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="237"/>
        <source>The letter mentions our reference %1.</source>
        <translation>De brief noemt ons kenmerk %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="244"/>
        <source>Ultimatum: an answer by %1 — “%2”</source>
        <translation>Uiterste datum: een antwoord uiterlijk %1 — “%2”</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="250"/>
        <source>The earlier request: %1</source>
        <translation>Het eerdere verzoek: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="256"/>
        <source>Found: %1</source>
        <translation>Gevonden: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="265"/>
        <source>No request type recognised: choose the types yourself from the letter.</source>
        <translation>Geen soort verzoek herkend: kies de soorten zelf aan de hand van de brief.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="272"/>
        <source>Filled in: %1</source>
        <translation>Ingevuld: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="279"/>
        <source>The letter says an authorisation (machtiging) is enclosed: attach it.</source>
        <translation>Volgens de brief is een machtiging bijgevoegd: voeg die toe.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="287"/>
        <source>Their ultimatum: %1 (“%2”)</source>
        <translation>Hun ultimatum: %1 (“%2”)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_proposals.py" line="292"/>
        <source>These are suggestions: check them against the letter.</source>
        <translation>Dit zijn voorstellen: controleer ze aan de hand van de brief.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/intake_dialog.py" line="548"/>
        <location filename="../../app/ui/intake_dialog.py" line="551"/>
        <source>%n field(s) need attention</source>
        <translation>
            <numerusform>%n veld vraagt aandacht</numerusform>
            <numerusform>%n velden vragen aandacht</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="578"/>
        <source>Discard this letter?</source>
        <translation>Deze brief weggooien?</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="579"/>
        <source>You have typed data for this letter. Close without saving it?</source>
        <translation>U hebt gegevens voor deze brief ingevuld. Sluiten zonder op te slaan?</translation>
    </message>
</context>
<context>
    <name>KeepReasonDialog</name>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="48"/>
        <source>Why is this data kept?</source>
        <translation>Waarom worden deze gegevens bewaard?</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="52"/>
        <source>Only an exception of Art. 17(3) GDPR allows keeping data after an erasure request. Data that deletes itself (log lines) is no refusal: give the date.</source>
        <translation>Alleen een uitzondering van art. 17 lid 3 AVG staat toe dat gegevens na een verwijderverzoek worden bewaard. Gegevens die vanzelf verdwijnen (logregels) zijn geen weigering: geef de datum.</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="59"/>
        <source>(a) freedom of expression and information</source>
        <translation>(a) vrijheid van meningsuiting en informatie</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="60"/>
        <source>(b) a legal obligation</source>
        <translation>(b) een wettelijke verplichting</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="61"/>
        <source>(c) public health</source>
        <translation>(c) volksgezondheid</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="62"/>
        <source>(d) archiving, research or statistics</source>
        <translation>(d) archivering, onderzoek of statistiek</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="63"/>
        <source>(e) legal claims</source>
        <translation>(e) rechtsvorderingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="67"/>
        <source>no ground: the data deletes itself on a date</source>
        <translation>geen grond: de gegevens verdwijnen vanzelf op een datum</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="71"/>
        <source>e.g. art. 52 Algemene wet inzake rijksbelastingen</source>
        <translation>bijv. art. 52 Algemene wet inzake rijksbelastingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="88"/>
        <source>e.g. 7 years, 6 months, 90 days</source>
        <translation>bijv. 7 jaar, 6 maanden, 90 dagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="92"/>
        <source>Every kept item of %1</source>
        <translation>Alle bewaarde onderdelen van %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="94"/>
        <source>&amp;Ground:</source>
        <translation>&amp;Grond:</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="95"/>
        <source>&amp;Statute:</source>
        <translation>&amp;Wet:</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="96"/>
        <source>Period runs from (&amp;event):</source>
        <translation>Termijn loopt vanaf (g&amp;ebeurtenis):</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="97"/>
        <source>Date of the e&amp;vent:</source>
        <translation>&amp;Datum van de gebeurtenis:</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="98"/>
        <source>&amp;Period:</source>
        <translation>&amp;Termijn:</translation>
    </message>
    <message>
        <location filename="../../app/ui/keep_dialog.py" line="99"/>
        <source>Deleted by itself &amp;on:</source>
        <translation>Verdwijnt vanzelf &amp;op:</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/labels.py" line="18"/>
        <source>registered</source>
        <translation>geregistreerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="19"/>
        <source>identity check</source>
        <translation>identiteitscontrole</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="20"/>
        <source>in progress</source>
        <translation>in behandeling</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="21"/>
        <source>on hold</source>
        <translation>wacht op betrokkene</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="22"/>
        <source>answered</source>
        <translation>beantwoord</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="23"/>
        <source>closed</source>
        <translation>afgesloten</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="24"/>
        <location filename="../../app/ui/labels.py" line="71"/>
        <source>withdrawn</source>
        <translation>ingetrokken</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="25"/>
        <location filename="../../app/ui/labels.py" line="69"/>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="32"/>
        <source>Check identity</source>
        <translation>Identiteit controleren</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="33"/>
        <source>Start handling</source>
        <translation>In behandeling nemen</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="34"/>
        <source>Put on hold</source>
        <translation>In de wacht zetten</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="35"/>
        <source>Mark answered</source>
        <translation>Beantwoord</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="36"/>
        <source>Close case</source>
        <translation>Zaak sluiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="37"/>
        <source>Withdrawn</source>
        <translation>Ingetrokken</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="38"/>
        <source>Refuse</source>
        <translation>Weigeren</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="44"/>
        <source>access</source>
        <translation>inzage</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="45"/>
        <source>rectification</source>
        <translation>rectificatie</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="46"/>
        <source>erasure</source>
        <translation>verwijdering</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="47"/>
        <source>restriction</source>
        <translation>beperking</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="48"/>
        <source>portability</source>
        <translation>overdraagbaarheid</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="49"/>
        <source>objection</source>
        <translation>bezwaar</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="55"/>
        <source>post</source>
        <translation>post</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="56"/>
        <location filename="../../app/ui/labels.py" line="168"/>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="57"/>
        <source>web form</source>
        <translation>webformulier</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="58"/>
        <source>in person</source>
        <translation>persoonlijk</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="59"/>
        <source>telephone</source>
        <translation>telefoon</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="66"/>
        <source>not decided yet</source>
        <translation>nog niet besloten</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="67"/>
        <source>granted</source>
        <translation>toegewezen</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="68"/>
        <source>partly refused</source>
        <translation>gedeeltelijk afgewezen</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="70"/>
        <source>no data found</source>
        <translation>geen gegevens gevonden</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="78"/>
        <source>this case is a reminder about it</source>
        <translation>deze zaak is een herinnering bij die zaak</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="79"/>
        <source>a reminder about this case</source>
        <translation>herinnering bij deze zaak</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="80"/>
        <source>related</source>
        <translation>verwant</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="81"/>
        <source>possible duplicate: the same person&apos;s open case</source>
        <translation>mogelijk dubbel: de open zaak van dezelfde persoon</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="84"/>
        <source>a later letter of the same person (possible duplicate)</source>
        <translation>een latere brief van dezelfde persoon (mogelijk dubbel)</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="92"/>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="93"/>
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="94"/>
        <source>German</source>
        <translation>Duits</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="101"/>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="102"/>
        <source>Mr</source>
        <translation>heer</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="103"/>
        <source>Ms</source>
        <translation>mevrouw</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="109"/>
        <source>lawyer</source>
        <translation>advocaat</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="110"/>
        <source>parent</source>
        <translation>ouder</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="111"/>
        <source>guardian</source>
        <translation>voogd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="112"/>
        <source>other representative</source>
        <translation>andere vertegenwoordiger</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="118"/>
        <source>scan of the letter</source>
        <translation>scan van de brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="119"/>
        <source>our letter</source>
        <translation>onze brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="120"/>
        <source>authorisation</source>
        <translation>machtiging</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="121"/>
        <source>ID copy (masked)</source>
        <translation>kopie identiteitsbewijs (afgeschermd)</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="122"/>
        <source>other attachment</source>
        <translation>andere bijlage</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="123"/>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="129"/>
        <source>name and address match our records</source>
        <translation>naam en adres komen overeen met onze gegevens</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="132"/>
        <source>extra information requested</source>
        <translation>aanvullende gegevens gevraagd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="133"/>
        <source>ID document seen</source>
        <translation>identiteitsbewijs ingezien</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="134"/>
        <source>authorisation of the representative</source>
        <translation>machtiging van de vertegenwoordiger</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="142"/>
        <source>verified</source>
        <translation>vastgesteld</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="143"/>
        <source>reasonable doubt remains</source>
        <translation>gerede twijfel blijft</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="144"/>
        <source>not verified</source>
        <translation>niet vastgesteld</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="150"/>
        <source>Letter registered</source>
        <translation>Brief geregistreerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="151"/>
        <source>Case edited</source>
        <translation>Zaak gewijzigd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="152"/>
        <source>Status changed</source>
        <translation>Status gewijzigd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="153"/>
        <source>Note added</source>
        <translation>Notitie toegevoegd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="154"/>
        <source>Document added</source>
        <translation>Document toegevoegd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="155"/>
        <source>Identity checked</source>
        <translation>Identiteit gecontroleerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="156"/>
        <source>Case linked</source>
        <translation>Zaak gekoppeld</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="157"/>
        <source>Identifiers changed</source>
        <translation>Kenmerken betrokkene gewijzigd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="158"/>
        <source>Database backed up</source>
        <translation>Reservekopie van de database gemaakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="159"/>
        <source>Clock paused</source>
        <translation>Termijn opgeschort</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="160"/>
        <source>Clock resumed</source>
        <translation>Termijn hervat</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="161"/>
        <source>Deadline extended</source>
        <translation>Termijn verlengd</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="169"/>
        <source>customer number</source>
        <translation>klantnummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="170"/>
        <source>user id</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="171"/>
        <source>phone</source>
        <translation>telefoon</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="172"/>
        <source>IP address</source>
        <translation>IP-adres</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="173"/>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="174"/>
        <source>postcode + house number</source>
        <translation>postcode + huisnummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="175"/>
        <source>name + date of birth</source>
        <translation>naam + geboortedatum</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="176"/>
        <source>other</source>
        <translation>overig</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="210"/>
        <source>paused</source>
        <translation>opgeschort</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/labels.py" line="212"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n dag te laat</numerusform>
            <numerusform>%n dagen te laat</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="214"/>
        <source>due today</source>
        <translation>vandaag</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/labels.py" line="215"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>nog %n dag</numerusform>
            <numerusform>nog %n dagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/style.py" line="40"/>
        <source>Overdue</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <location filename="../../app/ui/style.py" line="41"/>
        <source>Due within 7 days</source>
        <translation>Binnen 7 dagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/style.py" line="42"/>
        <source>Due later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../app/ui/style.py" line="43"/>
        <source>Paused</source>
        <translation>Opgeschort</translation>
    </message>
</context>
<context>
    <name>LetterEditorDialog</name>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="71"/>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="73"/>
        <source>Letter text</source>
        <translation>Tekst van de brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="76"/>
        <source>Blank line = new paragraph · &quot;- &quot; at the start = bullet · &quot;## &quot; = heading</source>
        <translation>Lege regel = nieuwe alinea · &quot;- &quot; aan het begin = opsommingsteken · &quot;## &quot; = kop</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="84"/>
        <source>&amp;Subject:</source>
        <translation>&amp;Onderwerp:</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="95"/>
        <source>&amp;Refresh preview</source>
        <translation>Voorbeeld &amp;vernieuwen</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="96"/>
        <source>Saves the draft and renders the letter again</source>
        <translation>Slaat het concept op en maakt de brief opnieuw op</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="109"/>
        <source>Save &amp;draft</source>
        <translation>&amp;Concept opslaan</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="111"/>
        <source>&amp;Finalise and store…</source>
        <translation>Defi&amp;nitief maken en opslaan…</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="113"/>
        <source>&amp;Print…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="115"/>
        <source>Save &amp;as PDF…</source>
        <translation>Opslaan als &amp;pdf…</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="117"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="150"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="162"/>
        <source>This letter is final (dated %1, SHA-256 %2). Final letters cannot be changed; make a new letter as a correction.</source>
        <translation>Deze brief is definitief (gedateerd %1, SHA-256 %2). Een definitieve brief kan niet meer worden gewijzigd; maak een nieuwe brief als correctie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="175"/>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="175"/>
        <source>Draft saved</source>
        <translation>Concept opgeslagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="223"/>
        <location filename="../../app/ui/letter_editor.py" line="226"/>
        <source>Rendering the letter…</source>
        <translation>Brief opmaken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="255"/>
        <source>Case %1: finalise the %2.</source>
        <translation>Zaak %1: %2 definitief maken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="264"/>
        <source>Finalise letter</source>
        <translation>Brief definitief maken</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="259"/>
        <source>The letter is stored as PDF with its SHA-256 and recorded in the case history. After this the letter cannot be changed.

Finalise it now?</source>
        <translation>De brief wordt als pdf met zijn SHA-256 opgeslagen en vastgelegd in de geschiedenis van de zaak. Daarna kan de brief niet meer worden gewijzigd.

Nu definitief maken?</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="265"/>
        <source>Finalise and store</source>
        <translation>Definitief maken en opslaan</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="323"/>
        <source>The file could not be written: %1</source>
        <translation>Het bestand kon niet worden opgeslagen: %1</translation>
    </message>
</context>
<context>
    <name>LetterTextDialog</name>
    <message>
        <location filename="../../app/ui/intake_support.py" line="20"/>
        <source>Read letter text</source>
        <translation>Brieftekst lezen</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_support.py" line="25"/>
        <source>Paste the text of the letter (from OCR or from the e-mail). Privacy Desk suggests the request types, their reference and the date of the letter; you decide. The text itself is not stored.</source>
        <translation>Plak de tekst van de brief (uit de OCR of uit de e-mail). Privacy Desk stelt de soorten verzoek, het kenmerk van de afzender en de datum van de brief voor; u beslist. De tekst zelf wordt niet bewaard.</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_support.py" line="34"/>
        <source>Text of the letter</source>
        <translation>Tekst van de brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_support.py" line="35"/>
        <source>Geachte heer, mevrouw, …</source>
        <translation>Geachte heer, mevrouw, …</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_support.py" line="38"/>
        <source>&amp;Read</source>
        <translation>&amp;Lezen</translation>
    </message>
</context>
<context>
    <name>LetterView</name>
    <message>
        <location filename="../../app/ui/letter_view.py" line="84"/>
        <source>Text of the letter</source>
        <translation>Tekst van de brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_view.py" line="86"/>
        <source>The text of the letter appears here when it has been read.</source>
        <translation>De tekst van de brief verschijnt hier zodra die gelezen is.</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_view.py" line="95"/>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_view.py" line="98"/>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_view.py" line="114"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_view.py" line="115"/>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_view.py" line="174"/>
        <source>Page %1 of the scan</source>
        <translation>Pagina %1 van de scan</translation>
    </message>
</context>
<context>
    <name>Letters</name>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="46"/>
        <source>draft</source>
        <translation>concept</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_editor.py" line="47"/>
        <source>final</source>
        <translation>definitief</translation>
    </message>
</context>
<context>
    <name>LettersTab</name>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="238"/>
        <source>Printed</source>
        <translation>Afgedrukt</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="251"/>
        <source>Sen&amp;t by post…</source>
        <translation>Per pos&amp;t verstuurd…</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="253"/>
        <source>The letter went into the post on a date: it counts as printed</source>
        <translation>De brief is op een datum gepost: hij telt als afgedrukt</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="235"/>
        <source>Letters</source>
        <translation>Brieven</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="237"/>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="237"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="237"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="237"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="238"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="247"/>
        <source>&amp;New letter…</source>
        <translation>&amp;Nieuwe brief…</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="249"/>
        <source>&amp;Open</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="257"/>
        <source>Export &amp;dossier…</source>
        <translation>&amp;Dossier exporteren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="259"/>
        <source>&amp;Portability export (ZIP)…</source>
        <translation>Export voor &amp;overdraagbaarheid (ZIP)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="261"/>
        <source>Decide portabilit&amp;y…</source>
        <translation>Over&amp;draagbaarheid beslissen…</translation>
    </message>
</context>
<context>
    <name>LinkCaseDialog</name>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="345"/>
        <source>Link case</source>
        <translation>Zaak koppelen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="348"/>
        <source>A reminder or a notice of default refers to an earlier request: link it to that case, so both deadlines and letters are seen together.</source>
        <translation>Een herinnering of ingebrekestelling verwijst naar een eerder verzoek: koppel de brief aan die zaak, zodat beide termijnen en brieven samen te zien zijn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="355"/>
        <source>This case is a reminder about that case</source>
        <translation>Deze zaak is een herinnering bij die zaak</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="356"/>
        <source>Related</source>
        <translation>Verwant</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="357"/>
        <source>&amp;Other case:</source>
        <translation>&amp;Andere zaak:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="358"/>
        <source>&amp;Relation:</source>
        <translation>&amp;Relatie:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="359"/>
        <source>&amp;Link</source>
        <translation>&amp;Koppelen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="363"/>
        <source>Enter the other case&apos;s reference.</source>
        <translation>Vul het kenmerk van de andere zaak in.</translation>
    </message>
</context>
<context>
    <name>ListAndEditor</name>
    <message>
        <location filename="../../app/ui/widgets.py" line="198"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="208"/>
        <source>&amp;Today</source>
        <translation>V&amp;andaag</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="234"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="497"/>
        <source>Window</source>
        <translation>Venster</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="497"/>
        <source>Case detail</source>
        <translation>Zaak</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="136"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="133"/>
        <source>Deadline overview</source>
        <translation>Termijnoverzicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="134"/>
        <source>Cases</source>
        <translation>Zaken</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="140"/>
        <location filename="../../app/ui/main_window.py" line="325"/>
        <source>To register</source>
        <translation>Te registreren</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="180"/>
        <source>&amp;New letter…</source>
        <translation>&amp;Nieuwe brief…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>Register an incoming letter as a new case</source>
        <translation>Een binnengekomen brief registreren als nieuwe zaak</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="184"/>
        <source>&amp;Export deadlines to calendar…</source>
        <translation>Termijnen &amp;exporteren naar agenda…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="186"/>
        <source>&amp;Back up database…</source>
        <translation>&amp;Reservekopie maken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187"/>
        <source>Write a checked copy of all cases to a file</source>
        <translation>Schrijf een gecontroleerde kopie van alle zaken naar een bestand</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="189"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="192"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201"/>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="202"/>
        <source>&amp;Deadline overview</source>
        <translation>&amp;Termijnoverzicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="205"/>
        <source>&amp;Cases</source>
        <translation>&amp;Zaken</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="211"/>
        <source>&amp;Find case…</source>
        <translation>Zaak &amp;zoeken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="214"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="220"/>
        <source>&amp;Language</source>
        <translation>T&amp;aal</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="230"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="231"/>
        <source>&amp;About Privacy Desk</source>
        <translation>&amp;Over Privacy Desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="239"/>
        <source>Main</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="281"/>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="283"/>
        <source>Signed in as %1</source>
        <translation>Aangemeld als %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="300"/>
        <source>No backup made yet</source>
        <translation>Nog geen reservekopie gemaakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="303"/>
        <source>Last backup: %1</source>
        <translation>Laatste reservekopie: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="308"/>
        <source>File &gt; Back up database… writes a checked copy</source>
        <translation>Bestand &gt; Reservekopie maken… schrijft een gecontroleerde kopie</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="336"/>
        <source>The reminder is stored on %1 (a document and an event; no new case). Write this reference on the letter.</source>
        <translation>De herinnering is bij %1 bewaard (een document en een gebeurtenis; geen nieuwe zaak). Schrijf dit kenmerk op de brief.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="340"/>
        <source>Reminder registered</source>
        <translation>Herinnering geregistreerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="348"/>
        <source>The letter is registered as %1. Write this reference on the letter.</source>
        <translation>De brief is geregistreerd als %1. Schrijf dit kenmerk op de brief.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="332"/>
        <source>Registered %1</source>
        <translation>%1 geregistreerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="347"/>
        <source>Case registered</source>
        <translation>Zaak geregistreerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="352"/>
        <source>Write the acknowledgement of receipt now?</source>
        <translation>De ontvangstbevestiging nu schrijven?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="357"/>
        <source>&amp;Write acknowledgement…</source>
        <translation>Ontvangstbevestiging &amp;schrijven…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="358"/>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="438"/>
        <source>Back up database</source>
        <translation>Reservekopie maken</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="440"/>
        <source>SQLite database (*.sqlite3)</source>
        <translation>SQLite-database (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="456"/>
        <source>Cases copied: %1
File: %2 (%3 MB)

The backup holds personal data: keep it safe, and delete it under the same retention as the cases.</source>
        <translation>Gekopieerde zaken: %1
Bestand: %2 (%3 MB)

De reservekopie bevat persoonsgegevens: bewaar haar veilig, en verwijder haar volgens dezelfde bewaartermijn als de zaken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="463"/>
        <source>Backup written</source>
        <translation>Reservekopie gemaakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="471"/>
        <source>No backup made</source>
        <translation>Geen reservekopie gemaakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="476"/>
        <source>Backing up the database…</source>
        <translation>Reservekopie van de database maken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="503"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;&lt;br&gt;Registers GDPR requests that arrive by post, watches their deadlines and keeps the case file.&lt;br&gt;&lt;br&gt;Database: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;&lt;br&gt;Registreert AVG-verzoeken die per post binnenkomen, bewaakt de termijnen en houdt het zaakdossier bij.&lt;br&gt;&lt;br&gt;Database: %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="509"/>
        <source>About Privacy Desk</source>
        <translation>Over Privacy Desk</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="518"/>
        <source>%n case(s) overdue</source>
        <translation>
            <numerusform>%n zaak te laat</numerusform>
            <numerusform>%n zaken te laat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="520"/>
        <source>%n due this week</source>
        <translation>
            <numerusform>%n verloopt deze week</numerusform>
            <numerusform>%n verlopen deze week</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewLetterDialog</name>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="125"/>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="58"/>
        <source>New letter</source>
        <translation>Nieuwe brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="68"/>
        <source>Letter &amp;type:</source>
        <translation>Soort &amp;brief:</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="69"/>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="76"/>
        <source>This letter needs no further information.</source>
        <translation>Voor deze brief zijn geen verdere gegevens nodig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="81"/>
        <source>Make &amp;draft</source>
        <translation>&amp;Concept maken</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="206"/>
        <source>Fill this in for this letter.</source>
        <translation>Vul dit in voor deze brief.</translation>
    </message>
    <message>
        <location filename="../../app/ui/letters_tab.py" line="155"/>
        <source>Tick the processing activities that do not apply to this person.</source>
        <translation>Vink de verwerkingen aan die niet voor deze persoon gelden.</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../app/ui/case_panels.py" line="186"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="188"/>
        <source>Write a note (visible to every officer)…</source>
        <translation>Schrijf een notitie (zichtbaar voor iedere behandelaar)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="192"/>
        <source>Add &amp;note</source>
        <translation>&amp;Notitie toevoegen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="210"/>
        <source>No notes yet.</source>
        <translation>Nog geen notities.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="28"/>
        <source>Passphrase for the passwords</source>
        <translation>Wachtzin voor de wachtwoorden</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="31"/>
        <source>This computer has no keyring. Passwords of the systems are kept in an encrypted file (%1). Choose a passphrase of at least 8 characters; it is asked once per session. Without it the passwords cannot be read: keep it safe.</source>
        <translation>Deze computer heeft geen sleutelbos. De wachtwoorden van de systemen staan in een versleuteld bestand (%1). Kies een wachtzin van minstens 8 tekens; die wordt eenmaal per sessie gevraagd. Zonder wachtzin zijn de wachtwoorden niet te lezen: bewaar hem goed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="37"/>
        <source>This computer has no keyring. The passwords of the systems are kept in an encrypted file (%1). Give its passphrase.</source>
        <translation>Deze computer heeft geen sleutelbos. De wachtwoorden van de systemen staan in een versleuteld bestand (%1). Geef de wachtzin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="44"/>
        <source>Passphrase</source>
        <translation>Wachtzin</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="47"/>
        <source>Passphrase again</source>
        <translation>Wachtzin nogmaals</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="49"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Wachtzin:</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="51"/>
        <source>&amp;Again:</source>
        <translation>&amp;Nogmaals:</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="71"/>
        <source>The two passphrases differ. Type the same one twice.</source>
        <translation>De twee wachtzinnen verschillen. Typ twee keer dezelfde.</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="69"/>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="79"/>
        <source>Choose a folder</source>
        <translation>Kies een map</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="82"/>
        <source>Choose a file</source>
        <translation>Kies een bestand</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="120"/>
        <source>Pause clock</source>
        <translation>Termijn opschorten</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="123"/>
        <source>Stop the clock while you wait for the data subject to answer an identity or clarification question. The deadlines move by the days the clock stands still.</source>
        <translation>Schort de termijn op zolang u wacht op het antwoord van de betrokkene op een vraag over identiteit of verduidelijking. De termijnen schuiven op met het aantal dagen dat de termijn stilstaat.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="130"/>
        <source>e.g. asked for a copy of the customer card</source>
        <translation>bijv. gevraagd om een kopie van de klantenkaart</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="131"/>
        <source>&amp;Question sent on:</source>
        <translation>&amp;Vraag verstuurd op:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="132"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="133"/>
        <source>&amp;Pause clock</source>
        <translation>Termijn &amp;opschorten</translation>
    </message>
</context>
<context>
    <name>PdfDialog</name>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="231"/>
        <source>&amp;Double-sided (a blank page after letters with an odd number of pages)</source>
        <translation>Du&amp;bbelzijdig (een lege pagina na brieven met een oneven aantal pagina&apos;s)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="235"/>
        <source>&amp;Print…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="237"/>
        <source>&amp;Save as PDF…</source>
        <translation>Op&amp;slaan als pdf…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="239"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pdf_preview.py" line="273"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n pagina</numerusform>
            <numerusform>%n pagina&apos;s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="290"/>
        <source>The file could not be written: %1</source>
        <translation>Het bestand kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="293"/>
        <source>Saved as %1</source>
        <translation>Opgeslagen als %1</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="129"/>
        <source>Letter preview</source>
        <translation>Voorbeeld van de brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="131"/>
        <source>No preview yet.</source>
        <translation>Nog geen voorbeeld.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="154"/>
        <source>This PDF cannot be shown.</source>
        <translation>Deze pdf kan niet worden getoond.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="172"/>
        <source>Save as PDF</source>
        <translation>Opslaan als PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="174"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="196"/>
        <source>Printing failed: %1</source>
        <translation>Afdrukken mislukt: %1</translation>
    </message>
</context>
<context>
    <name>PortabilityDialog</name>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="92"/>
        <source>Decide portability</source>
        <translation>Overdraagbaarheid beslissen</translation>
    </message>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="95"/>
        <source>Grant portability once the portability export (ZIP) is made and the identity is established; a refusal needs the reason.</source>
        <translation>Wijs overdraagbaarheid toe zodra de export (ZIP) is gemaakt en de identiteit is vastgesteld; een weigering heeft een reden nodig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="103"/>
        <source>Choose the decision…</source>
        <translation>Kies de beslissing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="106"/>
        <source>&amp;Decision:</source>
        <translation>&amp;Beslissing:</translation>
    </message>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="107"/>
        <source>&amp;Note:</source>
        <translation>&amp;Toelichting:</translation>
    </message>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="108"/>
        <source>&amp;Record decision</source>
        <translation>Beslissing &amp;vastleggen</translation>
    </message>
    <message>
        <location filename="../../app/ui/gate_dialog.py" line="112"/>
        <source>Choose the decision.</source>
        <translation>Kies de beslissing.</translation>
    </message>
</context>
<context>
    <name>Register</name>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="51"/>
        <source>Processing activity</source>
        <translation>Verwerkingsactiviteit</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="52"/>
        <source>Purposes</source>
        <translation>Doeleinden</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="53"/>
        <source>Legal basis</source>
        <translation>Grondslag</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="54"/>
        <source>Categories of personal data</source>
        <translation>Categorieën persoonsgegevens</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="55"/>
        <source>Categories of data subjects</source>
        <translation>Categorieën betrokkenen</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="56"/>
        <source>Recipients (by name, one per line)</source>
        <translation>Ontvangers (met naam, één per regel)</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="63"/>
        <source>Retention period</source>
        <translation>Bewaartermijn</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="64"/>
        <source>Source of the data</source>
        <translation>Bron van de gegevens</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="65"/>
        <source>Transfers outside the EEA and safeguards</source>
        <translation>Doorgifte buiten de EER en waarborgen</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="68"/>
        <source>Automated decisions and their logic</source>
        <translation>Geautomatiseerde besluiten en hun logica</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="57"/>
        <source>Categories of recipients (only when they cannot be named)</source>
        <translation>Soorten ontvangers (alleen als ze niet bij naam te noemen zijn)</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="60"/>
        <source>Why the recipients cannot be named</source>
        <translation>Waarom de ontvangers niet bij naam te noemen zijn</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="71"/>
        <source>Systems holding the data</source>
        <translation>Systemen met de gegevens</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="77"/>
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="78"/>
        <source>German</source>
        <translation>Duits</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="100"/>
        <source>System names the upgrade could not link to a configured system: %1.</source>
        <translation>Systeemnamen die de upgrade niet aan een ingesteld systeem kon koppelen: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="107"/>
        <source>Configured systems linked to no processing activity: %1.</source>
        <translation>Ingestelde systemen die aan geen verwerking zijn gekoppeld: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="114"/>
        <source>Name the recipients (CJEU C-154/21) of: %1.</source>
        <translation>Noem de ontvangers bij naam (HvJ EU C-154/21) bij: %1.</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="129"/>
        <source>Processing register</source>
        <translation>Register van verwerkingsactiviteiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="132"/>
        <source>Processing activities</source>
        <translation>Verwerkingsactiviteiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="134"/>
        <source>&amp;New activity</source>
        <translation>&amp;Nieuwe activiteit</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="139"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporteren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="201"/>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="203"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="270"/>
        <source>Version %1</source>
        <translation>Versie %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="318"/>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="325"/>
        <source>Changed meanwhile</source>
        <translation>Intussen gewijzigd</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="328"/>
        <source>&amp;Reload (my changes are lost)</source>
        <translation>&amp;Opnieuw laden (mijn wijzigingen gaan verloren)</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="346"/>
        <source>Delete &apos;%1&apos; from the register? The entry is removed from the record of processing activities; this cannot be undone (the audit trail keeps that it was deleted).</source>
        <translation>&apos;%1&apos; uit het register verwijderen? De vermelding wordt uit het register van verwerkingsactiviteiten verwijderd; dit kan niet ongedaan worden gemaakt (het auditspoor bewaart dat ze is verwijderd).</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="350"/>
        <source>Delete activity</source>
        <translation>Activiteit verwijderen</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="350"/>
        <source>&amp;Delete activity</source>
        <translation>Activiteit &amp;verwijderen</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="370"/>
        <source>Export register</source>
        <translation>Register exporteren</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="380"/>
        <source>The export failed: %1</source>
        <translation>Het exporteren is mislukt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="383"/>
        <source>Exported to %1</source>
        <translation>Geëxporteerd naar %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/register_dialog.py" line="195"/>
        <source>&amp;Read, hide this</source>
        <translation>&amp;Gelezen, verbergen</translation>
    </message>
</context>
<context>
    <name>RegisterExportPage</name>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="138"/>
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="142"/>
        <source>All request types</source>
        <translation>Alle soorten verzoek</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="146"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel-werkmap (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="147"/>
        <source>CSV (semicolons, for Excel)</source>
        <translation>CSV (puntkomma&apos;s, voor Excel)</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="148"/>
        <source>Include &amp;personal data (names, postcodes, towns)</source>
        <translation>&amp;Persoonsgegevens opnemen (namen, postcodes, woonplaatsen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="150"/>
        <source>Without personal data the export can be shared for reporting. Every export is recorded in the history.</source>
        <translation>Zonder persoonsgegevens kan de export voor rapportages worden gedeeld. Elke export wordt vastgelegd in de geschiedenis.</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="154"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="157"/>
        <source>Received from:</source>
        <translation>Ontvangen vanaf:</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="158"/>
        <source>Received until:</source>
        <translation>Ontvangen tot en met:</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="159"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="160"/>
        <source>Request type:</source>
        <translation>Soort verzoek:</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="161"/>
        <source>Format:</source>
        <translation>Formaat:</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="173"/>
        <source>Export register</source>
        <translation>Register exporteren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/exports_dialog.py" line="192"/>
        <source>%n case(s) written to %1</source>
        <translation>
            <numerusform>%n zaak opgeslagen in %1</numerusform>
            <numerusform>%n zaken opgeslagen in %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="195"/>
        <source>Exporting the register…</source>
        <translation>Register exporteren…</translation>
    </message>
</context>
<context>
    <name>ResultRow</name>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="58"/>
        <source>Open &amp;file</source>
        <translation>&amp;Bestand openen</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="60"/>
        <source>Open f&amp;older</source>
        <translation>&amp;Map openen</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="149"/>
        <source>Resume clock</source>
        <translation>Termijn hervatten</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="150"/>
        <source>Record the day the answer of the data subject arrived.</source>
        <translation>Leg vast op welke dag het antwoord van de betrokkene binnenkwam.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="155"/>
        <source>&amp;Answer received on:</source>
        <translation>&amp;Antwoord ontvangen op:</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="156"/>
        <source>&amp;Resume clock</source>
        <translation>Termijn &amp;hervatten</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="251"/>
        <source>Case</source>
        <translation>Zaak</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="251"/>
        <source>Closed on</source>
        <translation>Gesloten op</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="251"/>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="252"/>
        <source>Retention ended</source>
        <translation>Bewaartermijn verstreken</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="252"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="255"/>
        <source>Anonymise (keep the figures)</source>
        <translation>Anonimiseren (cijfers blijven bewaard)</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="256"/>
        <source>Delete completely</source>
        <translation>Volledig verwijderen</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="259"/>
        <source>&amp;Apply to the checked cases…</source>
        <translation>&amp;Toepassen op de aangevinkte zaken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="261"/>
        <source>Re&amp;load</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/exports_dialog.py" line="289"/>
        <source>%n case(s) past their retention period</source>
        <translation>
            <numerusform>%n zaak voorbij de bewaartermijn</numerusform>
            <numerusform>%n zaken voorbij de bewaartermijn</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="303"/>
        <source>Check the cases to handle first.</source>
        <translation>Vink eerst de zaken aan die u wilt afhandelen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/exports_dialog.py" line="307"/>
        <source>Delete %n case(s) completely? This cannot be undone.</source>
        <translation>
            <numerusform>%n zaak volledig verwijderen? Dit kan niet ongedaan worden gemaakt.</numerusform>
            <numerusform>%n zaken volledig verwijderen? Dit kan niet ongedaan worden gemaakt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/exports_dialog.py" line="310"/>
        <source>Anonymise %n case(s)? All personal data of these cases is removed; this cannot be undone.</source>
        <translation>
            <numerusform>%n zaak anonimiseren? Alle persoonsgegevens van deze zaak worden verwijderd; dit kan niet ongedaan worden gemaakt.</numerusform>
            <numerusform>%n zaken anonimiseren? Alle persoonsgegevens van deze zaken worden verwijderd; dit kan niet ongedaan worden gemaakt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="314"/>
        <source>Cases: %1</source>
        <translation>Zaken: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="317"/>
        <source>Retention</source>
        <translation>Bewaartermijn</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="318"/>
        <source>&amp;Delete cases</source>
        <translation>Zaken &amp;verwijderen</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="318"/>
        <source>&amp;Anonymise cases</source>
        <translation>Zaken &amp;anonimiseren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/exports_dialog.py" line="338"/>
        <source>%n case(s) done</source>
        <translation>
            <numerusform>%n zaak afgehandeld</numerusform>
            <numerusform>%n zaken afgehandeld</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="343"/>
        <source>Applying retention…</source>
        <translation>Bewaartermijn toepassen…</translation>
    </message>
</context>
<context>
    <name>SentByPostDialog</name>
    <message>
        <location filename="../../app/ui/letter_post_dialog.py" line="25"/>
        <source>Sent by post</source>
        <translation>Per post verstuurd</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_post_dialog.py" line="27"/>
        <source>Record the day this letter went into the post. It then counts as printed.</source>
        <translation>Vul de dag in waarop deze brief op de post is gegaan. Hij telt dan als afgedrukt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_post_dialog.py" line="33"/>
        <source>&amp;Posted on:</source>
        <translation>&amp;Gepost op:</translation>
    </message>
    <message>
        <location filename="../../app/ui/letter_post_dialog.py" line="41"/>
        <source>&amp;Record</source>
        <translation>&amp;Vastleggen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="59"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="65"/>
        <source>&amp;General</source>
        <translation>&amp;Algemeen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="66"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisatie</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="67"/>
        <source>&amp;Holidays</source>
        <translation>&amp;Feestdagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="68"/>
        <source>Le&amp;tters</source>
        <translation>&amp;Brieven</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="69"/>
        <source>R&amp;etention</source>
        <translation>Be&amp;waartermijnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="90"/>
        <source>&amp;Language of the program:</source>
        <translation>&amp;Taal van het programma:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="92"/>
        <source>e.g. M. de Vries</source>
        <translation>bijv. M. de Vries</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="93"/>
        <source>Your &amp;name in letters:</source>
        <translation>Uw &amp;naam in brieven:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="94"/>
        <source>The window is rebuilt in the new language when you save.</source>
        <translation>Na het opslaan wordt het venster opnieuw opgebouwd in de nieuwe taal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="116"/>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="117"/>
        <source>Department line:</source>
        <translation>Afdelingsregel:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="118"/>
        <source>Street and number:</source>
        <translation>Straat en huisnummer:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="119"/>
        <source>Postcode:</source>
        <translation>Postcode:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="120"/>
        <source>Town:</source>
        <translation>Plaats:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="121"/>
        <source>Phone:</source>
        <translation>Telefoon:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="122"/>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="123"/>
        <source>Website:</source>
        <translation>Website:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="124"/>
        <source>KvK number:</source>
        <translation>KvK-nummer:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="125"/>
        <source>Return address line:</source>
        <translation>Retouradresregel:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="126"/>
        <source>Signed by:</source>
        <translation>Ondertekend door:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="127"/>
        <source>Function of the signatory:</source>
        <translation>Functie van de ondertekenaar:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="138"/>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="142"/>
        <source>Default letter language:</source>
        <translation>Standaardtaal van brieven:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="146"/>
        <source> weeks</source>
        <translation> weken</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="147"/>
        <source>&amp;Promise to answer within:</source>
        <translation>&amp;Toezegging: antwoord binnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="151"/>
        <source>The promise is never later than the legal month; changing it recomputes the deadlines of every case.</source>
        <translation>De toezegging valt nooit later dan de wettelijke maand; een wijziging berekent de termijnen van alle zaken opnieuw.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="165"/>
        <source>Days off set by decree, on top of the public holidays of the Algemene termijnenwet. Deadlines falling on such a day move to the next working day.</source>
        <translation>Bij besluit vastgestelde vrije dagen, naast de feestdagen van de Algemene termijnenwet. Een termijn die op zo&apos;n dag eindigt, schuift door naar de volgende werkdag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="171"/>
        <source>Extra holidays</source>
        <translation>Extra vrije dagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="174"/>
        <source>&amp;Add day</source>
        <translation>Dag &amp;toevoegen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="176"/>
        <source>&amp;Remove selected</source>
        <translation>Selectie ve&amp;rwijderen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="201"/>
        <source>Print a test letter and hold it behind your window envelope. If the address is not fully in the window, move it here (DL window envelope: 70 mm wide at 35 mm from the left).</source>
        <translation>Druk een proefbrief af en houd die achter uw vensterenvelop. Staat het adres niet helemaal in het venster, verschuif het dan hier (DL-vensterenvelop: 70 mm breed op 35 mm van links).</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="215"/>
        <source>Address block from the &amp;left edge:</source>
        <translation>Adresblok vanaf de &amp;linkerrand:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="216"/>
        <source>Address block &amp;width:</source>
        <translation>B&amp;reedte adresblok:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="217"/>
        <source>Move address &amp;down by:</source>
        <translation>A&amp;dres omlaag verschuiven met:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="218"/>
        <source>Move reference &amp;row down by:</source>
        <translation>&amp;Kenmerkregel omlaag verschuiven met:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="222"/>
        <source>Print &amp;fold marks</source>
        <translation>&amp;Vouwtekens afdrukken</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="243"/>
        <source>Largest &amp;attachment:</source>
        <translation>Grootste bijla&amp;ge:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="251"/>
        <source>How long a closed case file is kept, per outcome, counted from closing; afterwards it is offered for anonymisation or deletion. Record why.</source>
        <translation>Hoe lang een gesloten zaakdossier wordt bewaard, per uitkomst, gerekend vanaf het sluiten; daarna wordt het aangeboden om te anonimiseren of te verwijderen. Leg vast waarom.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="258"/>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="258"/>
        <source>Months</source>
        <translation>Maanden</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="258"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="225"/>
        <source>Neutral (Geachte heer, mevrouw,)</source>
        <translation>Neutraal (Geachte heer, mevrouw,)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="226"/>
        <source>Full name (Geachte Y. van der Vos,)</source>
        <translation>Volledige naam (Geachte Y. van der Vos,)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="228"/>
        <source>Greeting without a t&amp;itle:</source>
        <translation>Aan&amp;hef zonder aanspreekvorm:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="231"/>
        <source>A Functionaris Gegevensbescherming is regi&amp;stered with the AP</source>
        <translation>Er is een functionaris gegevensbescherming aange&amp;meld bij de AP</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="235"/>
        <source>Only then may letters call the signatory &apos;functionaris gegevensbescherming&apos;; otherwise they say &apos;privacyfunctionaris&apos;.</source>
        <translation>Alleen dan mogen brieven de ondertekenaar &apos;functionaris gegevensbescherming&apos; noemen; anders staat er &apos;privacyfunctionaris&apos;.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../app/ui/connectors_dialog.py" line="169"/>
        <source>stored – leave empty to keep it</source>
        <translation>opgeslagen – laat leeg om te behouden</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/ui/shortcuts.py" line="80"/>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts.py" line="84"/>
        <source>Action</source>
        <translation>Handeling</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts.py" line="85"/>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../app/ui/tasks.py" line="110"/>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks.py" line="115"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks.py" line="116"/>
        <source>Please wait</source>
        <translation>Even geduld</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../app/ui/case_panels.py" line="235"/>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="236"/>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="236"/>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="236"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_panels.py" line="237"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../app/ui/today_view.py" line="35"/>
        <source>Answer overdue</source>
        <translation>Antwoord te laat</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="36"/>
        <source>Promise date passed</source>
        <translation>Toegezegde datum verstreken</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="37"/>
        <source>Ultimatum of a reminder</source>
        <translation>Uiterste datum van een herinnering</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="38"/>
        <source>Reminder received</source>
        <translation>Herinnering ontvangen</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="39"/>
        <source>Acknowledgement not sent</source>
        <translation>Ontvangstbevestiging niet verstuurd</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="40"/>
        <source>Identity not checked</source>
        <translation>Identiteit niet gecontroleerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="41"/>
        <source>Authorisation missing</source>
        <translation>Machtiging ontbreekt</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="44"/>
        <source>Systems not searched</source>
        <translation>Systemen niet doorzocht</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="45"/>
        <source>A system failed</source>
        <translation>Een systeem gaf een fout</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="46"/>
        <source>Manual checks open</source>
        <translation>Handmatige controles open</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="47"/>
        <source>Findings to review</source>
        <translation>Vondsten te beoordelen</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="48"/>
        <source>Changes not approved</source>
        <translation>Wijzigingen niet goedgekeurd</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="49"/>
        <source>Changes not executed</source>
        <translation>Wijzigingen niet uitgevoerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="50"/>
        <source>Changes to do by hand</source>
        <translation>Wijzigingen met de hand uit te voeren</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="51"/>
        <source>Art. 19 notices due</source>
        <translation>Kennisgevingen art. 19 te versturen</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="52"/>
        <source>Letters not printed</source>
        <translation>Brieven niet afgedrukt</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="53"/>
        <source>No answer to our question</source>
        <translation>Geen antwoord op onze vraag</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="83"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="87"/>
        <source>&amp;Mine</source>
        <translation>&amp;Mijn zaken</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="88"/>
        <source>The cases assigned to you and the ones assigned to no one yet</source>
        <translation>De zaken die aan u zijn toegewezen en de zaken die nog aan niemand zijn toegewezen</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="89"/>
        <source>A&amp;ll</source>
        <translation>A&amp;lle zaken</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="96"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="107"/>
        <source>What needs a person today</source>
        <translation>Wat vandaag aandacht nodig heeft</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="110"/>
        <source>Reference</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="110"/>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="110"/>
        <source>Detail</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="110"/>
        <source>Assigned to</source>
        <translation>Behandelaar</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="144"/>
        <source>Reading the to-do list...</source>
        <translation>De takenlijst wordt gelezen...</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="149"/>
        <source>Reading the to-do list</source>
        <translation>Takenlijst lezen</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="192"/>
        <source>Enter or double click: open the case where this is done</source>
        <translation>Enter of dubbelklik: open de zaak waar dit gebeurt</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="197"/>
        <source>%1 tasks in %2 cases</source>
        <translation>%1 taken in %2 zaken</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="201"/>
        <source>Nothing needs a person today.</source>
        <translation>Vandaag heeft niets uw aandacht nodig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="208"/>
        <source>Nothing in your cases needs a person today; %1 tasks in other officers&apos; cases (choose All to see them).</source>
        <translation>In uw zaken heeft vandaag niets aandacht nodig; in zaken van andere behandelaars staan %1 taken open (kies Alle zaken om ze te zien).</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="215"/>
        <source>(%1 more in other officers&apos; cases)</source>
        <translation>(nog %1 in zaken van andere behandelaars)</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 day late</source>
        <translation>%1 dag te laat</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>promised %1 day ago</source>
        <translation>%1 dag geleden toegezegd</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 check open</source>
        <translation>%1 controle open</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 finding</source>
        <translation>%1 vondst</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 change</source>
        <translation>%1 wijziging</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 letter</source>
        <translation>%1 brief</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 day without an answer</source>
        <translation>%1 dag zonder antwoord</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 days late</source>
        <translation>%1 dagen te laat</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>promised %1 days ago</source>
        <translation>%1 dagen geleden toegezegd</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>reminder of %1</source>
        <translation>herinnering van %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 checks open</source>
        <translation>%1 controles open</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 findings</source>
        <translation>%1 vondsten</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 changes</source>
        <translation>%1 wijzigingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 letters</source>
        <translation>%1 brieven</translation>
    </message>
    <message>
        <location filename="../../app/ui/today_view.py" line="200"/>
        <source>%1 days without an answer</source>
        <translation>%1 dagen zonder antwoord</translation>
    </message>
</context>
<context>
    <name>YearlyReportPage</name>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="209"/>
        <source>Figures only: the report contains no personal data.</source>
        <translation>Alleen cijfers: het verslag bevat geen persoonsgegevens.</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="211"/>
        <source>Make &amp;report…</source>
        <translation>Verslag &amp;maken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="214"/>
        <source>Year:</source>
        <translation>Jaar:</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="215"/>
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="226"/>
        <source>Yearly report</source>
        <translation>Jaarverslag</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="238"/>
        <source>Report saved as %1</source>
        <translation>Verslag opgeslagen als %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports_dialog.py" line="240"/>
        <source>Making the yearly report…</source>
        <translation>Jaarverslag maken…</translation>
    </message>
</context>
<context>
    <name>_IdentifierRow</name>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="443"/>
        <source>Kind of identifier</source>
        <translation>Soort gegeven</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="445"/>
        <source>Identifier</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="446"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_dialogs.py" line="447"/>
        <source>Remove this identifier</source>
        <translation>Dit gegeven verwijderen</translation>
    </message>
</context>
<context>
    <name>pdf_preview</name>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="63"/>
        <source>the PDF cannot be read</source>
        <translation>de PDF kan niet worden gelezen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="69"/>
        <source>page %1 could not be rendered</source>
        <translation>pagina %1 kon niet worden weergegeven</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_preview.py" line="96"/>
        <source>the printer could not be started</source>
        <translation>de printer kon niet worden gestart</translation>
    </message>
</context>
<context>
    <name>translation</name>
    <message>
        <location filename="../../app/ui/translation.py" line="43"/>
        <source>translation file missing: %1</source>
        <translation>vertaalbestand ontbreekt: %1</translation>
    </message>
</context>
</TS>
