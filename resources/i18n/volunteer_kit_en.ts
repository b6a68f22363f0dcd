<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../volunteer_kit/ui/crash.py" line="43" />
        <source>Cannot continue</source>
        <translation>Cannot continue</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/crash.py" line="57" />
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/crash.py" line="60" />
        <source>Something went wrong inside Volunteer Kit. Your saved records are safe.
Please copy the details below and send them to your IT contact.</source>
        <translation>Something went wrong inside Volunteer Kit. Your saved records are safe.
Please copy the details below and send them to your IT contact.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="354" />
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="114" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="265" />
        <source>Commune admin</source>
        <translation>Commune admin</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="268" />
        <source>Commune administration</source>
        <translation>Commune administration</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="269" />
        <source>Ask the hub &amp;again</source>
        <translation>Ask the hub &amp;again</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="270" />
        <source>Fetch every list again from the commune hub (F5)</source>
        <translation>Fetch every list again from the commune hub (F5)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="273" />
        <source>Enroll a new laptop</source>
        <translation>Enroll a new laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="274" />
        <source>Laptops of the commune</source>
        <translation>Laptops of the commune</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="276" />
        <source>Erasures to approve</source>
        <translation>Erasures to approve</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="277" />
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="283" />
        <source>Only a commune officer's laptop manages the commune: enrolling laptops, revoking a lost one, approving erasures. This laptop is not enrolled as an officer's.</source>
        <translation>Only a commune officer's laptop manages the commune: enrolling laptops, revoking a lost one, approving erasures. This laptop is not enrolled as an officer's.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="289" />
        <source>Make a code, then on the new laptop open Sync and type the code, or read its QR with the laptop's camera or a phone photo. A code enrolls one laptop once.</source>
        <translation>Make a code, then on the new laptop open Sync and type the code, or read its QR with the laptop's camera or a phone photo. A code enrolls one laptop once.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="293" />
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="295" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="345" />
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="295" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="346" />
        <source>Trainer</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="297" />
        <source>&amp;Valid for:</source>
        <translation>&amp;Valid for:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="300" />
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="303" />
        <source>&amp;Make a code</source>
        <translation>&amp;Make a code</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="304" />
        <source>&amp;Copy the code</source>
        <translation>&amp;Copy the code</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="306" />
        <source>The whole code with the hub's address, to paste on the new laptop</source>
        <translation>The whole code with the hub's address, to paste on the new laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="310" />
        <source>On the new laptop: Sync → Enrollment code, or “Read the code from a QR image…”. Pasting the whole copied text fills every field.</source>
        <translation>On the new laptop: Sync → Enrollment code, or “Read the code from a QR image…”. Pasting the whole copied text fills every field.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="314" />
        <source>Codes not used yet</source>
        <translation>Codes not used yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="315" />
        <source>Ca&amp;ncel the code</source>
        <translation>Ca&amp;ncel the code</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="316" />
        <source>&amp;Revoke the laptop…</source>
        <translation>&amp;Revoke the laptop…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="317" />
        <source>Re&amp;store this version</source>
        <translation>Re&amp;store this version</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="319" />
        <source>Write the overwritten version back as a new edit from this laptop; it syncs as yours</source>
        <translation>Write the overwritten version back as a new edit from this laptop; it syncs as yours</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="321" />
        <source>A&amp;pprove</source>
        <translation>A&amp;pprove</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="324" />
        <source>Records per kind</source>
        <translation>Records per kind</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="324" />
        <source>Records per laptop</source>
        <translation>Records per laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="324" />
        <source>Records per week</source>
        <translation>Records per week</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="275" />
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="328" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="329" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="330" />
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="328" />
        <source>Kind of record</source>
        <translation>Kind of record</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="329" />
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="329" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="330" />
        <source>Week of</source>
        <translation>Week of</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="347" />
        <source>Commune officer</source>
        <translation>Commune officer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="356" />
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform><numerusform>%n minutes ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="358" />
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform><numerusform>%n hours ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="360" />
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform><numerusform>%n days ago</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="389" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="429" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="436" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="667" />
        <source>Asking the hub…</source>
        <translation>Asking the hub…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="432" />
        <source>Updated at %1.</source>
        <translation>Updated at %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="435" />
        <source>Kept copy of %1.</source>
        <translation>Kept copy of %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="439" />
        <source>No copy of this list is kept on this laptop yet.</source>
        <translation>No copy of this list is kept on this laptop yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="440" />
        <source>Shown: the copy kept at %1.</source>
        <translation>Shown: the copy kept at %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="446" />
        <source>Cannot reach the hub; try again when the network is back.</source>
        <translation>Cannot reach the hub; try again when the network is back.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="458" />
        <source>Enrollment code for a laptop of a %1:</source>
        <translation>Enrollment code for a laptop of a %1:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="461" />
        <source>Valid until %1.</source>
        <translation>Valid until %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="472" />
        <source>%1 · made %2 · valid until %3</source>
        <translation>%1 · made %2 · valid until %3</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="479" />
        <source>None: every code was used, cancelled or has expired.</source>
        <translation>None: every code was used, cancelled or has expired.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="488" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="587" />
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="490" />
        <source>%1 (this laptop)</source>
        <translation>%1 (this laptop)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="492" />
        <source>REVOKED on %1: %2</source>
        <translation>REVOKED on %1: %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="495" />
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="496" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="724" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="500" />
        <source>Last contact: %1 · enrolled %2 · records sent: %3 · erasures waiting: %4 · version %5</source>
        <translation>Last contact: %1 · enrolled %2 · records sent: %3 · erasures waiting: %4 · version %5</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="506" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="509" />
        <source>Device id: %1</source>
        <translation>Device id: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="513" />
        <source>No laptop to show.</source>
        <translation>No laptop to show.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="523" />
        <source>%1: the edit made on %2 was overwritten by a later edit from %3 (%4)</source>
        <translation>%1: the edit made on %2 was overwritten by a later edit from %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="530" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="575" />
        <source>Record id: %1</source>
        <translation>Record id: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="532" />
        <source>No edit of the commune was overwritten.</source>
        <translation>No edit of the commune was overwritten.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="536" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="547" />
        <source>this laptop</source>
        <translation>this laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="540" />
        <source>the laptop of %1</source>
        <translation>the laptop of %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="541" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="551" />
        <source>another laptop</source>
        <translation>another laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="563" />
        <source>WAITING — %1, asked from %2 on %3</source>
        <translation>WAITING — %1, asked from %2 on %3</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="565" />
        <source>Erased — %1, asked from %2 on %3; approved by %4 on %5</source>
        <translation>Erased — %1, asked from %2 on %3; approved by %4 on %5</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="568" />
        <source>the hub operator</source>
        <translation>the hub operator</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="577" />
        <source>No erasure waits, and none was made yet.</source>
        <translation>No erasure waits, and none was made yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="690" />
        <source>Code made: give it to the new laptop's user.</source>
        <translation>Code made: give it to the new laptop's user.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="699" />
        <source>Copied.</source>
        <translation>Copied.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="708" />
        <source>The code was cancelled: nobody can enroll with it now.</source>
        <translation>The code was cancelled: nobody can enroll with it now.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="741" />
        <source>“%1” is revoked: its next sync is refused.</source>
        <translation>“%1” is revoked: its next sync is refused.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="763" />
        <source>The overwritten version is written back as a new edit on this laptop; it goes at the next sync.</source>
        <translation>The overwritten version is written back as a new edit on this laptop; it goes at the next sync.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="777" />
        <source>Approved: the record is erased on the hub.</source>
        <translation>Approved: the record is erased on the hub.</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/attendance.py" line="28" />
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/attendance.py" line="29" />
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/attendance.py" line="30" />
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/attendance.py" line="97" />
        <source>walk-in</source>
        <translation>walk-in</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/report_figures.py" line="43" />
        <source>Learners present, by week (people)</source>
        <translation>Learners present, by week (people)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/report_figures.py" line="44" />
        <source>Lessons taught, by lesson pack (lessons)</source>
        <translation>Lessons taught, by lesson pack (lessons)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/report_figures.py" line="45" />
        <source>People guided, by group (people)</source>
        <translation>People guided, by group (people)</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="47" />
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="56" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="48" />
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="49" />
        <source>Hamlet</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="50" />
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="57" />
        <source>Lesson pack</source>
        <translation>Lesson pack</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="51" />
        <source>Why eligible</source>
        <translation>Why eligible</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="53" />
        <source>What is missing</source>
        <translation>What is missing</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="55" />
        <source>Serial</source>
        <translation>Serial</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="58" />
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="59" />
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="60" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="83" />
        <source>(consent withdrawn)</source>
        <translation>(consent withdrawn)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="84" />
        <source>printed</source>
        <translation>printed</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="85" />
        <source>not printed</source>
        <translation>not printed</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="86" />
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="87" />
        <source>valid</source>
        <translation>valid</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="223" />
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="226" />
        <location filename="../../volunteer_kit/ui/main_window.py" line="88" />
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="227" />
        <source>&amp;Verify a certificate…</source>
        <translation>&amp;Verify a certificate…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="229" />
        <source>Check a certificate from the text of its QR code, a photo, a scan or a PDF</source>
        <translation>Check a certificate from the text of its QR code, a photo, a scan or a PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="231" />
        <source>&amp;Lesson pack:</source>
        <translation>&amp;Lesson pack:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="232" />
        <source>Ha&amp;mlet:</source>
        <translation>Ha&amp;mlet:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="235" />
        <source>These learners attended every lesson of the pack, passed its quiz and its skill checks. Tick the ones to issue certificates to (Space ticks the chosen row).</source>
        <translation>These learners attended every lesson of the pack, passed its quiz and its skill checks. Tick the ones to issue certificates to (Space ticks the chosen row).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="240" />
        <source>These learners began a pack; each line says what is still missing.</source>
        <translation>These learners began a pack; each line says what is still missing.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="244" />
        <source>Choose certificates to print or revoke (Ctrl or Shift for several). With none chosen, Print takes every certificate not printed yet.</source>
        <translation>Choose certificates to print or revoke (Ctrl or Shift for several). With none chosen, Print takes every certificate not printed yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="248" />
        <source>Select &amp;all</source>
        <translation>Select &amp;all</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="249" />
        <source>&amp;Clear ticks</source>
        <translation>&amp;Clear ticks</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="250" />
        <source>&amp;Issue certificates…</source>
        <translation>&amp;Issue certificates…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="251" />
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="252" />
        <source>Write the certificates into one PDF to print (A4 landscape)</source>
        <translation>Write the certificates into one PDF to print (A4 landscape)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="253" />
        <source>&amp;Revoke…</source>
        <translation>&amp;Revoke…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="254" />
        <source>Revoke the chosen certificate, giving the reason</source>
        <translation>Revoke the chosen certificate, giving the reason</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="255" />
        <source>Retire the si&amp;gning key…</source>
        <translation>Retire the si&amp;gning key…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="258" />
        <source>Stop this laptop's signing key, or declare a key leaked when a laptop was lost or stolen</source>
        <translation>Stop this laptop's signing key, or declare a key leaked when a laptop was lost or stolen</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="263" />
        <source>Eligible learners: arrows to move, Space to tick</source>
        <translation>Eligible learners: arrows to move, Space to tick</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="264" />
        <source>Learners not yet eligible</source>
        <translation>Learners not yet eligible</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="265" />
        <source>Issued certificates</source>
        <translation>Issued certificates</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="286" />
        <source>All lesson packs</source>
        <translation>All lesson packs</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="287" />
        <source>All hamlets</source>
        <translation>All hamlets</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="294" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="298" />
        <source>Certificates are issued, printed and revoked by the commune officer, on the officer's laptop. When a learner has finished a lesson pack, tell the officer. Anyone can verify a certificate here: press “Verify a certificate”.</source>
        <translation>Certificates are issued, printed and revoked by the commune officer, on the officer's laptop. When a learner has finished a lesson pack, tell the officer. Anyone can verify a certificate here: press “Verify a certificate”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="306" />
        <source>A learner who attended every lesson of a pack, passed its quiz and its required skill checks can receive a certificate. Each certificate carries a signed QR code that anyone can verify.</source>
        <translation>A learner who attended every lesson of a pack, passed its quiz and its required skill checks can receive a certificate. Each certificate carries a signed QR code that anyone can verify.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="315" />
        <source>&amp;Eligible (%n)</source>
        <translation>
            <numerusform>&amp;Eligible (%n)</numerusform><numerusform>&amp;Eligible (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="316" />
        <source>Not &amp;yet eligible (%n)</source>
        <translation>
            <numerusform>Not &amp;yet eligible (%n)</numerusform><numerusform>Not &amp;yet eligible (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="317" />
        <source>Is&amp;sued (%n)</source>
        <translation>
            <numerusform>Is&amp;sued (%n)</numerusform><numerusform>Is&amp;sued (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="351" />
        <source>Nobody here for this choice of pack and hamlet.</source>
        <translation>Nobody here for this choice of pack and hamlet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="353" />
        <source>Show all packs and hamlets</source>
        <translation>Show all packs and hamlets</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="355" />
        <source>Teach a lesson…</source>
        <translation>Teach a lesson…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="359" />
        <source>Nobody has finished a lesson pack yet: a learner can receive a certificate after attending every lesson of a pack and passing its quiz and skill checks. %n learner(s) are on the way.</source>
        <translation>
            <numerusform>Nobody has finished a lesson pack yet: a learner can receive a certificate after attending every lesson of a pack and passing its quiz and skill checks. %n learner is on the way.</numerusform><numerusform>Nobody has finished a lesson pack yet: a learner can receive a certificate after attending every lesson of a pack and passing its quiz and skill checks. %n learners are on the way.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="365" />
        <source>See what they still miss</source>
        <translation>See what they still miss</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="371" />
        <source>Nobody has finished a lesson pack yet: a learner can receive a certificate after attending every lesson of a pack and passing its quiz and skill checks.</source>
        <translation>Nobody has finished a lesson pack yet: a learner can receive a certificate after attending every lesson of a pack and passing its quiz and skill checks.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="379" />
        <source>No learner is part way through a lesson pack: they appear here after their first lesson.</source>
        <translation>No learner is part way through a lesson pack: they appear here after their first lesson.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="387" />
        <source>No certificate has been issued yet; %n learner(s) can receive one.</source>
        <translation>
            <numerusform>No certificate has been issued yet; %n learner can receive one.</numerusform><numerusform>No certificate has been issued yet; %n learners can receive one.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="391" />
        <source>Issue them on the Eligible list</source>
        <translation>Issue them on the Eligible list</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="397" />
        <source>No certificate has been issued yet: they are issued here to learners who finished a lesson pack.</source>
        <translation>No certificate has been issued yet: they are issued here to learners who finished a lesson pack.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="493" />
        <source>Tick the learners to issue certificates to.</source>
        <translation>Tick the learners to issue certificates to.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="501" />
        <source>Issuing…</source>
        <translation>Issuing…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="507" />
        <source>Issued %n certificate(s). They are in the list “Issued”, ready to print.</source>
        <translation>
            <numerusform>Issued %n certificate. It is in the list “Issued”, ready to print.</numerusform><numerusform>Issued %n certificates. They are in the list “Issued”, ready to print.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="515" />
        <source>No certificate was issued: %1</source>
        <translation>No certificate was issued: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="533" />
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform><numerusform>… and %n more</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="536" />
        <source>Issue certificates</source>
        <translation>Issue certificates</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="538" />
        <source>Issue %n certificate(s)? Each is signed with this laptop's key and cannot be changed afterwards; a mistake is corrected by revoking it.</source>
        <translation>
            <numerusform>Issue %n certificate? It is signed with this laptop's key and cannot be changed afterwards; a mistake is corrected by revoking it.</numerusform><numerusform>Issue %n certificates? Each is signed with this laptop's key and cannot be changed afterwards; a mistake is corrected by revoking it.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="559" />
        <source>Save the certificates as a PDF</source>
        <translation>Save the certificates as a PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="559" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="579" />
        <source>Revoked certificates are not printed.</source>
        <translation>Revoked certificates are not printed.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="583" />
        <source>Preparing the certificates…</source>
        <translation>Preparing the certificates…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="588" />
        <source>%n certificate(s) written to %1.</source>
        <translation>
            <numerusform>%n certificate written to %1.</numerusform><numerusform>%n certificates written to %1.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="611" />
        <source>Writing certificate %1 of %2…</source>
        <translation>Writing certificate %1 of %2…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="261" />
        <source>Print the certificates</source>
        <translation>Print the certificates</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="625" />
        <source>Choose one certificate in the list “Issued” to revoke.</source>
        <translation>Choose one certificate in the list “Issued” to revoke.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="629" />
        <source>Certificate %1 is already revoked.</source>
        <translation>Certificate %1 is already revoked.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="642" />
        <source>Certificate %1 was revoked.</source>
        <translation>Certificate %1 was revoked.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="648" />
        <source>Not revoked: %1</source>
        <translation>Not revoked: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="663" />
        <source>There is no signing key to retire: this laptop makes its key when it issues its first certificate.</source>
        <translation>There is no signing key to retire: this laptop makes its key when it issues its first certificate.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="689" />
        <source>The key was not retired: %1</source>
        <translation>The key was not retired: %1</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <location filename="../../volunteer_kit/ui/reflow.py" line="271" />
        <source>Columns…</source>
        <translation>Columns…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/reflow.py" line="272" />
        <source>Choose which columns the list shows</source>
        <translation>Choose which columns the list shows</translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="87" />
        <source>Volunteer Kit is locked.</source>
        <translation>Volunteer Kit is locked.</translation>
    </message>
</context>
<context>
    <name>EnrollBox</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="76" />
        <source>Enroll this laptop</source>
        <translation>Enroll this laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="77" />
        <source>&amp;Hub address:</source>
        <translation>&amp;Hub address:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="78" />
        <source>Enrollment &amp;code:</source>
        <translation>Enrollment &amp;code:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="79" />
        <source>&amp;Name of this laptop:</source>
        <translation>&amp;Name of this laptop:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="80" />
        <source>Hub &amp;certificate (optional):</source>
        <translation>Hub &amp;certificate (optional):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="81" />
        <source>Certificate &amp;fingerprint:</source>
        <translation>Certificate &amp;fingerprint:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="83" />
        <source>in the QR and the whole code already; or as the hub operator reads it out</source>
        <translation>in the QR and the whole code already; or as the hub operator reads it out</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="85" />
        <source>Allow an &amp;unencrypted connection (http)</source>
        <translation>Allow an &amp;unencrypted connection (http)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="87" />
        <source>Only if the hub operator says so: records would travel over the network unprotected.</source>
        <translation>Only if the hub operator says so: records would travel over the network unprotected.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="89" />
        <source>e.g. Laptop of the Kim Lan team</source>
        <translation>e.g. Laptop of the Kim Lan team</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="90" />
        <source>a .pem file, only if the commune's IT contact gave one</source>
        <translation>a .pem file, only if the commune's IT contact gave one</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="91" />
        <source>Read the code from a &amp;QR image…</source>
        <translation>Read the code from a &amp;QR image…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="92" />
        <source>&amp;Enroll</source>
        <translation>&amp;Enroll</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="97" />
        <source>The enrollment QR image</source>
        <translation>The enrollment QR image</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="97" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="107" />
        <source>Read the hub address and the code from the image.</source>
        <translation>Read the hub address and the code from the image.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="136" />
        <source>Enter the hub address and the enrollment code.</source>
        <translation>Enter the hub address and the enrollment code.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="139" />
        <source>Enrolling…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="148" />
        <source>Enrolled with the hub of %1 as %2.</source>
        <translation>Enrolled with the hub of %1 as %2.</translation>
    </message>
</context>
<context>
    <name>GroupQuizWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="160" />
        <source>Quiz: %1</source>
        <translation>Quiz: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="208" />
        <source>▼ more below</source>
        <translation>▼ more below</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="216" />
        <source>One learner at a time</source>
        <translation>One learner at a time</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="218" />
        <source>Each learner answers every question in turn, on the big answer cards.</source>
        <translation>Each learner answers every question in turn, on the big answer cards.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="338" />
        <source>Question %1 of %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="340" />
        <source> (choose all that apply)</source>
        <translation> (choose all that apply)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="357" />
        <source>Tick each learner's answers: the arrow keys move, %1 or Space ticks.</source>
        <translation>Tick each learner's answers: the arrow keys move, %1 or Space ticks.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="360" />
        <source>Tick each learner's answer: the arrow keys move, %1 ticks and goes to the next learner.</source>
        <translation>Tick each learner's answer: the arrow keys move, %1 ticks and goes to the next learner.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="389" />
        <source>Check answer</source>
        <translation>Check answer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="475" />
        <source>Some learners have not chosen</source>
        <translation>Some learners have not chosen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="476" />
        <source>%n learner(s) have not chosen — check anyway?</source>
        <translation>
            <numerusform>%n learner has not chosen — check anyway?</numerusform><numerusform>%n learners have not chosen — check anyway?</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="478" />
        <source>%1: this question counts as not right for them.</source>
        <translation>%1: this question counts as not right for them.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="482" />
        <source>Check anyway</source>
        <translation>Check anyway</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="483" />
        <source>Go back and tick</source>
        <translation>Go back and tick</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="536" />
        <source>Right answers: %1.</source>
        <translation>Right answers: %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="536" />
        <source>Right answer: %1.</source>
        <translation>Right answer: %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="544" />
        <source>See the result</source>
        <translation>See the result</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="544" />
        <source>Next question</source>
        <translation>Next question</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="571" />
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="577" />
        <source>%1 of %2 right</source>
        <translation>%1 of %2 right</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="580" />
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="580" />
        <source>not passed yet</source>
        <translation>not passed yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="597" />
        <source>Pass mark: %1 %</source>
        <translation>Pass mark: %1 %</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="599" />
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="618" />
        <source>Close the quiz?</source>
        <translation>Close the quiz?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="619" />
        <source>Close the quiz? The group's answers so far are not recorded.</source>
        <translation>Close the quiz? The group's answers so far are not recorded.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="620" />
        <source>Close the quiz</source>
        <translation>Close the quiz</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="621" />
        <source>Go on with the quiz</source>
        <translation>Go on with the quiz</translation>
    </message>
</context>
<context>
    <name>HouseholdDetailView</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="124" />
        <source>Choose a household in the list to see its people and visits.</source>
        <translation>Choose a household in the list to see its people and visits.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="125" />
        <source>Add &amp;people…</source>
        <translation>Add &amp;people…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="126" />
        <source>Register more people of this household, with their consent</source>
        <translation>Register more people of this household, with their consent</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="127" />
        <source>Household skills</source>
        <translation>Household skills</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="149" />
        <source>(name erased)</source>
        <translation>(name erased)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="153" />
        <source>Digital household: all five skills shown ✓</source>
        <translation>Digital household: all five skills shown ✓</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="155" />
        <source>%1 of 5 household skills shown</source>
        <translation>%1 of 5 household skills shown</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/households.py" line="158" />
        <source>People (%n)</source>
        <translation>
            <numerusform>People (%n)</numerusform><numerusform>People (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="162" />
        <source>(consent withdrawn: identifying data erased)</source>
        <translation>(consent withdrawn: identifying data erased)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="165" />
        <source>consent given by %1</source>
        <translation>consent given by %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="167" />
        <source>consent given</source>
        <translation>consent given</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="169" />
        <source>no consent recorded</source>
        <translation>no consent recorded</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/households.py" line="179" />
        <source>Visits and sessions (%n)</source>
        <translation>
            <numerusform>Visits and sessions (%n)</numerusform><numerusform>Visits and sessions (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="189" />
        <source>Not visited yet</source>
        <translation>Not visited yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="198" />
        <source>shown by %1</source>
        <translation>shown by %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="200" />
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="202" />
        <source>not yet (no lesson pack on this laptop teaches it)</source>
        <translation>not yet (no lesson pack on this laptop teaches it)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="207" />
        <source>A skill counts as shown when a member did every required skill check of a lesson pack that teaches it, by themselves</source>
        <translation>A skill counts as shown when a member did every required skill check of a lesson pack that teaches it, by themselves</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="81" />
        <source>Register a household</source>
        <translation>Register a household</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="81" />
        <source>Add people</source>
        <translation>Add people</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="85" />
        <source>A new household</source>
        <translation>A new household</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="87" />
        <source>New people in the household of %1</source>
        <translation>New people in the household of %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="98" />
        <source>e.g. Thôn Đông</source>
        <translation>e.g. Thôn Đông</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="100" />
        <source>House number, lane, or how to find it</source>
        <translation>House number, lane, or how to find it</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="101" />
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="103" />
        <source>&amp;Hamlet or residential group:</source>
        <translation>&amp;Hamlet or residential group:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="104" />
        <source>A&amp;ddress:</source>
        <translation>A&amp;ddress:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="109" />
        <source>e.g. Nguyễn Thị Hoa</source>
        <translation>e.g. Nguyễn Thị Hoa</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="112" />
        <source>e.g. 1958</source>
        <translation>e.g. 1958</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="118" />
        <source>optional, e.g. 0912 345 678</source>
        <translation>optional, e.g. 0912 345 678</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="125" />
        <source>The person agrees &amp;themselves</source>
        <translation>The person agrees &amp;themselves</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="127" />
        <source>A &amp;representative agrees for them (a child, or someone who cannot)</source>
        <translation>A &amp;representative agrees for them (a child, or someone who cannot)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="134" />
        <source>Name of the representative</source>
        <translation>Name of the representative</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="138" />
        <source>&amp;Add to the list</source>
        <translation>&amp;Add to the list</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="139" />
        <source>Enter in the name field does the same</source>
        <translation>Enter in the name field does the same</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="145" />
        <source>A person</source>
        <translation>A person</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="148" />
        <source>Full &amp;name:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="149" />
        <source>&amp;Birth year:</source>
        <translation>&amp;Birth year:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="150" />
        <source>&amp;Gender:</source>
        <translation>&amp;Gender:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="151" />
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="152" />
        <source>Groups:</source>
        <translation>Groups:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="157" />
        <source>Consent:</source>
        <translation>Consent:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="171" />
        <source>Consent text</source>
        <translation>Consent text</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="173" />
        <source>Read this aloud before recording (version %1)</source>
        <translation>Read this aloud before recording (version %1)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="185" />
        <source>Remo&amp;ve from the list</source>
        <translation>Remo&amp;ve from the list</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="201" />
        <source>Save the household and everyone on the list (Ctrl+S)</source>
        <translation>Save the household and everyone on the list (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="255" />
        <source>The birth year is four digits, e.g. 1958.</source>
        <translation>The birth year is four digits, e.g. 1958.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="302" />
        <source>consent: %1 for them</source>
        <translation>consent: %1 for them</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="304" />
        <source>consent: themselves</source>
        <translation>consent: themselves</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="312" />
        <source>%1 · already registered, joins as they are</source>
        <translation>%1 · already registered, joins as they are</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="317" />
        <source>On the &amp;list (%n)</source>
        <translation>
            <numerusform>On the &amp;list (%n)</numerusform><numerusform>On the &amp;list (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="329" />
        <source>Add at least one person.</source>
        <translation>Add at least one person.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="332" />
        <source>Choose the hamlet or residential group.</source>
        <translation>Choose the hamlet or residential group.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="336" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="399" />
        <source>Already registered?</source>
        <translation>Already registered?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="400" />
        <source>These people look already registered:

%1</source>
        <translation>These people look already registered:

%1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="401" />
        <source>&amp;Use the registered records</source>
        <translation>&amp;Use the registered records</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="402" />
        <source>They are &amp;different people</source>
        <translation>They are &amp;different people</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="403" />
        <source>&amp;Go back</source>
        <translation>&amp;Go back</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="70" />
        <location filename="../../volunteer_kit/ui/pages/households.py" line="299" />
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="302" />
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="303" />
        <source>Head of household or address; accents optional</source>
        <translation>Head of household or address; accents optional</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="305" />
        <source>Search households</source>
        <translation>Search households</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="306" />
        <source>&amp;Hamlet:</source>
        <translation>&amp;Hamlet:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="307" />
        <location filename="../../volunteer_kit/ui/pages/households.py" line="325" />
        <source>&amp;Register household…</source>
        <translation>&amp;Register household…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="309" />
        <source>A new household and its people, with their consent (Ctrl+N)</source>
        <translation>A new household and its people, with their consent (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="313" />
        <source>Head of household</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="314" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="315" />
        <source>Hamlet</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="316" />
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="317" />
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="318" />
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="324" />
        <source>&amp;Clear the search</source>
        <translation>&amp;Clear the search</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="341" />
        <source>All hamlets</source>
        <translation>All hamlets</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="393" />
        <source>(name erased)</source>
        <translation>(name erased)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="410" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/households.py" line="414" />
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n household</numerusform><numerusform>%n households</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="416" />
        <source>%1 digital household(s) (all five skills)</source>
        <translation>%1 digital household(s) (all five skills)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="421" />
        <source>showing the first %1: choose a hamlet or search</source>
        <translation>showing the first %1: choose a hamlet or search</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="441" />
        <source>No household in this hamlet has a head or address matching “%1”.</source>
        <translation>No household in this hamlet has a head or address matching “%1”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="445" />
        <source>No household has a head or address matching “%1”.</source>
        <translation>No household has a head or address matching “%1”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="447" />
        <source>No household is registered in this hamlet yet.</source>
        <translation>No household is registered in this hamlet yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="449" />
        <source>No household is registered yet.</source>
        <translation>No household is registered yet.</translation>
    </message>
</context>
<context>
    <name>ImportLearnersDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="46" />
        <source>&amp;Full name (required):</source>
        <translation>&amp;Full name (required):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="47" />
        <source>Birth &amp;year:</source>
        <translation>Birth &amp;year:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="48" />
        <source>&amp;Gender:</source>
        <translation>&amp;Gender:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="49" />
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="50" />
        <source>H&amp;amlet / residential group:</source>
        <translation>H&amp;amlet / residential group:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="51" />
        <source>G&amp;roups:</source>
        <translation>G&amp;roups:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="52" />
        <source>C&amp;onsent (Có / Không):</source>
        <translation>C&amp;onsent (Có / Không):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="247" />
        <source>Import a list of learners</source>
        <translation>Import a list of learners</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="250" />
        <source>Choose the commune's list of people: an Excel workbook (.xlsx) or a CSV file (Excel's "CSV UTF-8" or plain "CSV"). The first row must hold the column names, one person per row below it. Nothing is saved until you press Import.</source>
        <translation>Choose the commune's list of people: an Excel workbook (.xlsx) or a CSV file (Excel's "CSV UTF-8" or plain "CSV"). The first row must hold the column names, one person per row below it. Nothing is saved until you press Import.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="255" />
        <source>&amp;Choose file…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="258" />
        <source>Which column of the file holds what? The choices were guessed from the column names; change any that are wrong. Every row is checked again after each change.</source>
        <translation>Which column of the file holds what? The choices were guessed from the column names; change any that are wrong. Every row is checked again after each change.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="264" />
        <source>Show only the &amp;refused rows</source>
        <translation>Show only the &amp;refused rows</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="265" />
        <source>Consent was collected on &amp;paper for every person on this list</source>
        <translation>Consent was collected on &amp;paper for every person on this list</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="266" />
        <source>&amp;Save report…</source>
        <translation>&amp;Save report…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="267" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="268" />
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="269" />
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="281" />
        <source>Choose the list</source>
        <translation>Choose the list</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="282" />
        <source>Which column holds what?</source>
        <translation>Which column holds what?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="283" />
        <source>Check before importing</source>
        <translation>Check before importing</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="284" />
        <source>Import finished</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="287" />
        <source>Step %1 of %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="288" />
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="288" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="315" />
        <source>Choose a list of learners</source>
        <translation>Choose a list of learners</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="317" />
        <source>Lists of people (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>Lists of people (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="350" />
        <source>%n row(s) below the column names</source>
        <translation>
            <numerusform>%n row below the column names</numerusform><numerusform>%n rows below the column names</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="351" />
        <source>File: %1 · %2</source>
        <translation>File: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="359" />
        <source>(not in the file)</source>
        <translation>(not in the file)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="361" />
        <source>Column %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="371" />
        <source>e.g. %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="391" />
        <source>Choose the column that holds the full name: it was not recognised.</source>
        <translation>Choose the column that holds the full name: it was not recognised.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="396" />
        <source>The column '%1' is chosen for two fields; each column holds one.</source>
        <translation>The column '%1' is chosen for two fields; each column holds one.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="427" />
        <source>Checking every row…</source>
        <translation>Checking every row…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="472" />
        <source>%n row(s) will be imported</source>
        <translation>
            <numerusform>%n row will be imported</numerusform><numerusform>%n rows will be imported</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="473" />
        <source>%n row(s) refused</source>
        <translation>
            <numerusform>%n row refused</numerusform><numerusform>%n rows refused</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="482" />
        <source>Consent: the list's consent column says who agreed; a row that does not say Có (yes) is refused.</source>
        <translation>Consent: the list's consent column says who agreed; a row that does not say Có (yes) is refused.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="489" />
        <source>Consent: this list has no consent column. Import it only if the commune collected written consent from every person on it; otherwise go back and choose the consent column.</source>
        <translation>Consent: this list has no consent column. Import it only if the commune collected written consent from every person on it; otherwise go back and choose the consent column.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="498" />
        <source>The rows have not been checked yet.</source>
        <translation>The rows have not been checked yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="500" />
        <source>No row can be imported.</source>
        <translation>No row can be imported.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="502" />
        <source>Confirm that consent was collected, or choose the consent column.</source>
        <translation>Confirm that consent was collected, or choose the consent column.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="535" />
        <source>%n learner(s) imported.</source>
        <translation>
            <numerusform>%n learner imported.</numerusform><numerusform>%n learners imported.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="537" />
        <source>%n row(s) not imported:</source>
        <translation>
            <numerusform>%n row not imported:</numerusform><numerusform>%n rows not imported:</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="514" />
        <source>Nothing was imported: %1</source>
        <translation>Nothing was imported: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="556" />
        <source>Save the report</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="557" />
        <source>%1 - not imported.csv</source>
        <translation>%1 - not imported.csv</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="558" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="565" />
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="565" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="565" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="570" />
        <source>Report saved: %1</source>
        <translation>Report saved: %1</translation>
    </message>
</context>
<context>
    <name>LearnerDetailView</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="245" />
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="245" />
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="245" />
        <source>Lives in</source>
        <translation>Lives in</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="245" />
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="245" />
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="249" />
        <source>Choose a learner in the list to see their record.</source>
        <translation>Choose a learner in the list to see their record.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="250" />
        <source>&amp;Merge a duplicate…</source>
        <translation>&amp;Merge a duplicate…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="253" />
        <source>The same person was registered twice: move the other record's sessions and results here and close it (commune officers)</source>
        <translation>The same person was registered twice: move the other record's sessions and results here and close it (commune officers)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="257" />
        <source>&amp;Withdraw consent…</source>
        <translation>&amp;Withdraw consent…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="260" />
        <source>The person no longer agrees: erase their name, birth year and phone; only anonymous counts remain</source>
        <translation>The person no longer agrees: erase their name, birth year and phone; only anonymous counts remain</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="294" />
        <source>given %1 (text version %2)</source>
        <translation>given %1 (text version %2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="298" />
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="301" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="309" />
        <source>Sessions (%n)</source>
        <translation>
            <numerusform>Sessions (%n)</numerusform><numerusform>Sessions (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="312" />
        <source>present</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="312" />
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="315" />
        <source>Quiz attempts (%n)</source>
        <translation>
            <numerusform>Quiz attempts (%n)</numerusform><numerusform>Quiz attempts (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="318" />
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="318" />
        <source>not passed</source>
        <translation>not passed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="323" />
        <source>Skill checks (%n)</source>
        <translation>
            <numerusform>Skill checks (%n)</numerusform><numerusform>Skill checks (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="326" />
        <source>done unaided</source>
        <translation>done unaided</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="326" />
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="334" />
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="341" />
        <source> (not verified)</source>
        <translation> (not verified)</translation>
    </message>
</context>
<context>
    <name>LearnersModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="33" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="34" />
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="35" />
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="36" />
        <source>Hamlet</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="37" />
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="38" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>LearnersPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="76" />
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="455" />
        <source>Learners</source>
        <translation>Learners</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="458" />
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="459" />
        <source>Name; accents optional, e.g. nguyen thi hang</source>
        <translation>Name; accents optional, e.g. nguyen thi hang</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="461" />
        <source>Search learners by name</source>
        <translation>Search learners by name</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="462" />
        <source>&amp;Hamlet:</source>
        <translation>&amp;Hamlet:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="463" />
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="464" />
        <source>Import &amp;list…</source>
        <translation>Import &amp;list…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="465" />
        <source>Add the people of a commune list (Excel .xlsx or CSV)</source>
        <translation>Add the people of a commune list (Excel .xlsx or CSV)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="470" />
        <source>&amp;Clear the search</source>
        <translation>&amp;Clear the search</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="471" />
        <source>&amp;Add a learner…</source>
        <translation>&amp;Add a learner…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="473" />
        <source>Register the person with their household, with their consent</source>
        <translation>Register the person with their household, with their consent</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="483" />
        <source>All hamlets</source>
        <translation>All hamlets</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="486" />
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="555" />
        <source>Nobody named “%1” in the chosen hamlet and group.</source>
        <translation>Nobody named “%1” in the chosen hamlet and group.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="557" />
        <source>Nobody named “%1” is registered.</source>
        <translation>Nobody named “%1” is registered.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="559" />
        <source>Nobody in the chosen hamlet and group.</source>
        <translation>Nobody in the chosen hamlet and group.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="561" />
        <source>No learners registered yet.</source>
        <translation>No learners registered yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="592" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="594" />
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n learner</numerusform><numerusform>%n learners</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="626" />
        <source>Consent withdrawn: %1's name, birth year and phone were erased.</source>
        <translation>Consent withdrawn: %1's name, birth year and phone were erased.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="653" />
        <source>Merged: %n record(s) of %1 moved here; the other record is closed.</source>
        <translation>
            <numerusform>Merged: %n record of %1 moved here; the other record is closed.</numerusform><numerusform>Merged: %n records of %1 moved here; the other record is closed.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="679" />
        <source>Merge a duplicate into %1</source>
        <translation>Merge a duplicate into %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="681" />
        <source>Choose the other record of the same person. Its sessions, quiz results and skill checks move to this record, and it is closed. The merge is recorded and syncs.</source>
        <translation>Choose the other record of the same person. Its sessions, quiz results and skill checks move to this record, and it is closed. The merge is recorded and syncs.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="684" />
        <source>&amp;Merge…</source>
        <translation>&amp;Merge…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="686" />
        <source>(this record)</source>
        <translation>(this record)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="700" />
        <source>Merge two records</source>
        <translation>Merge two records</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="702" />
        <source>Keep:
%1

Merge into it and close:
%2

This is recorded and cannot be undone here.</source>
        <translation>Keep:
%1

Merge into it and close:
%2

This is recorded and cannot be undone here.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="714" />
        <source>Withdraw consent</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="716" />
        <source>%1 no longer agrees to be recorded?

Their name, birth year and phone will be erased everywhere; the sessions they attended stay only as anonymous counts. This cannot be undone.</source>
        <translation>%1 no longer agrees to be recorded?

Their name, birth year and phone will be erased everywhere; the sessions they attended stay only as anonymous counts. This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>LessonsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="40" />
        <source>bundled with the app</source>
        <translation>bundled with the app</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="41" />
        <source>signed by a trusted publisher</source>
        <translation>signed by a trusted publisher</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="42" />
        <source>NOT SIGNED: check where it came from</source>
        <translation>NOT SIGNED: check where it came from</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="43" />
        <source>UNKNOWN PUBLISHER: check where it came from</source>
        <translation>UNKNOWN PUBLISHER: check where it came from</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="100" />
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="131" />
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="134" />
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="153" />
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="135" />
        <source>&amp;Import pack…</source>
        <translation>&amp;Import pack…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="137" />
        <source>Add a lesson pack from a file (.vkpack), e.g. from a USB stick</source>
        <translation>Add a lesson pack from a file (.vkpack), e.g. from a USB stick</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="139" />
        <source>&amp;Teach this lesson</source>
        <translation>&amp;Teach this lesson</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="141" />
        <source>Start a session: who is present, the lesson, the quiz, the skill checks</source>
        <translation>Start a session: who is present, the lesson, the quiz, the skill checks</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="143" />
        <source>&amp;Preview</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="145" />
        <source>Show the lesson in teaching mode without recording a session</source>
        <translation>Show the lesson in teaching mode without recording a session</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="147" />
        <source>Local &amp;names…</source>
        <translation>Local &amp;names…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="150" />
        <source>Your province's app, your commune's page and phone number, as learners see them in this pack</source>
        <translation>Your province's app, your commune's page and phone number, as learners see them in this pack</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="154" />
        <source>Practical skill checks</source>
        <translation>Practical skill checks</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="157" />
        <source>No lesson pack on this laptop yet. Import one from a file (.vkpack, e.g. on a USB stick); the commune's packs also arrive when this laptop syncs with the hub.</source>
        <translation>No lesson pack on this laptop yet. Import one from a file (.vkpack, e.g. on a USB stick); the commune's packs also arrive when this laptop syncs with the hub.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="160" />
        <source>Import a pack…</source>
        <translation>Import a pack…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="217" />
        <source>No lesson packs yet</source>
        <translation>No lesson packs yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="226" />
        <source>Version %1 · about %2 minutes · %3 quiz questions</source>
        <translation>Version %1 · about %2 minutes · %3 quiz questions</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="230" />
        <source>Competencies: %1</source>
        <translation>Competencies: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="234" />
        <source>Publisher: %1 (%2)</source>
        <translation>Publisher: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="241" />
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform><numerusform>%n steps</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="246" />
        <source> (optional)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="255" />
        <source>basic</source>
        <translation>basic</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="255" />
        <source>intermediate</source>
        <translation>intermediate</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="255" />
        <source>advanced</source>
        <translation>advanced</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="255" />
        <source>specialised</source>
        <translation>specialised</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="257" />
        <source>Digital competency level: %1, step %2 of 8 (Circular 02/2025)</source>
        <translation>Digital competency level: %1, step %2 of 8 (Circular 02/2025)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="323" />
        <source>Import a lesson pack</source>
        <translation>Import a lesson pack</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="323" />
        <source>Lesson packs (*.vkpack)</source>
        <translation>Lesson packs (*.vkpack)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="333" />
        <source>Checking and importing %1…</source>
        <translation>Checking and importing %1…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="371" />
        <source>Pack not verified</source>
        <translation>Pack not verified</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="372" />
        <source>%1

Import it anyway? It will be marked as not verified everywhere it shows.</source>
        <translation>%1

Import it anyway? It will be marked as not verified everywhere it shows.</translation>
    </message>
</context>
<context>
    <name>ListRowsModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="36" />
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="37" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="38" />
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="39" />
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="40" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="41" />
        <source>Hamlet</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="42" />
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="43" />
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="44" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="109" />
        <source>will be imported</source>
        <translation>will be imported</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="210" />
        <source>Volunteer Kit — locked</source>
        <translation>Volunteer Kit — locked</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="211" />
        <source>Volunteer Kit is locked</source>
        <translation>Volunteer Kit is locked</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="212" />
        <source>Type your &amp;PIN to open it:</source>
        <translation>Type your &amp;PIN to open it:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="213" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="214" />
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="215" />
        <source>&amp;Close Volunteer Kit</source>
        <translation>&amp;Close Volunteer Kit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="218" />
        <source>Forgot the PIN? Your IT contact can remove it from the data folder; your records stay as they are.</source>
        <translation>Forgot the PIN? Your IT contact can remove it from the data folder; your records stay as they are.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="244" />
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="258" />
        <source>Wrong PIN. Try again in %1 s.</source>
        <translation>Wrong PIN. Try again in %1 s.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="260" />
        <source>Too many wrong tries. Try again in %1 s.</source>
        <translation>Too many wrong tries. Try again in %1 s.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="266" />
        <source>Wrong PIN. Try again.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="225" />
        <source>Volunteer Kit — Digital Education for All</source>
        <translation>Volunteer Kit — Digital Education for All</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="230" />
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="232" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="233" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="234" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="235" />
        <source>&amp;About Volunteer Kit</source>
        <translation>&amp;About Volunteer Kit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="244" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="244" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="247" />
        <source>This laptop is not enrolled with a commune hub yet; everything is kept here until it syncs.</source>
        <translation>This laptop is not enrolled with a commune hub yet; everything is kept here until it syncs.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="239" />
        <source>Opening your records…</source>
        <translation>Opening your records…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="250" />
        <source>The commune hub can be reached: records sync by themselves.</source>
        <translation>The commune hub can be reached: records sync by themselves.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="252" />
        <source>The commune hub cannot be reached now; records wait here and go when it can.</source>
        <translation>The commune hub cannot be reached now; records wait here and go when it can.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="260" />
        <source>Waiting to sync: %1</source>
        <translation>Waiting to sync: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="447" />
        <source>About Volunteer Kit</source>
        <translation>About Volunteer Kit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="449" />
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;An offline-first toolkit for the volunteers of “Bình dân học vụ số” (Digital Education for All).&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later. Fonts: Noto Sans, SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Data folder: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;An offline-first toolkit for the volunteers of “Bình dân học vụ số” (Digital Education for All).&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later. Fonts: Noto Sans, SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Data folder: %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PackFieldsDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/pack_fields.py" line="45" />
        <source>Local names: %1</source>
        <translation>Local names: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pack_fields.py" line="48" />
        <source>Fill in the names of your commune and province. Learners see them in the lessons and the quiz; an empty box keeps the pack's own words (shown in grey).</source>
        <translation>Fill in the names of your commune and province. Learners see them in the lessons and the quiz; an empty box keeps the pack's own words (shown in grey).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pack_fields.py" line="82" />
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pack_fields.py" line="83" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PickLearnerDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/learner_picker.py" line="67" />
        <source>Name; accents optional, e.g. nguyen thi hang</source>
        <translation>Name; accents optional, e.g. nguyen thi hang</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_picker.py" line="69" />
        <source>&amp;Find learners:</source>
        <translation>&amp;Find learners:</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="88" />
        <source>Set a PIN</source>
        <translation>Set a PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="89" />
        <source>Change the PIN</source>
        <translation>Change the PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="90" />
        <source>Remove the PIN</source>
        <translation>Remove the PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="95" />
        <source>Without a PIN, anyone who opens this laptop sees the learners' records.</source>
        <translation>Without a PIN, anyone who opens this laptop sees the learners' records.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="100" />
        <source>%1 to %2 digits. The window asks for it when it opens and after some minutes without use. Keep it to yourself; if you forget it, your IT contact can remove it.</source>
        <translation>%1 to %2 digits. The window asks for it when it opens and after some minutes without use. Keep it to yourself; if you forget it, your IT contact can remove it.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="106" />
        <source>&amp;Current PIN:</source>
        <translation>&amp;Current PIN:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="107" />
        <source>&amp;New PIN:</source>
        <translation>&amp;New PIN:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="108" />
        <source>New PIN &amp;again:</source>
        <translation>New PIN &amp;again:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="110" />
        <source>&amp;Remove the PIN</source>
        <translation>&amp;Remove the PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="110" />
        <source>&amp;Save the PIN</source>
        <translation>&amp;Save the PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="116" />
        <source>Type the current PIN.</source>
        <translation>Type the current PIN.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="127" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>PinSection</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="199" />
        <source>PIN to open the app</source>
        <translation>PIN to open the app</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="200" />
        <source>Set a &amp;PIN…</source>
        <translation>Set a &amp;PIN…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="201" />
        <source>C&amp;hange the PIN…</source>
        <translation>C&amp;hange the PIN…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="202" />
        <source>Remo&amp;ve the PIN…</source>
        <translation>Remo&amp;ve the PIN…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="203" />
        <source>&amp;Lock after:</source>
        <translation>&amp;Lock after:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="205" />
        <source>%1 minutes without use</source>
        <translation>%1 minutes without use</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="225" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="229" />
        <source>A PIN is set: the window asks for it when it opens and after %1 minutes without use.</source>
        <translation>A PIN is set: the window asks for it when it opens and after %1 minutes without use.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="235" />
        <source>No PIN: anyone who opens this laptop sees the learners' records. Set one if the laptop goes with you.</source>
        <translation>No PIN: anyone who opens this laptop sees the learners' records. Set one if the laptop goes with you.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="257" />
        <source>PIN set.</source>
        <translation>PIN set.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="258" />
        <source>PIN changed.</source>
        <translation>PIN changed.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="259" />
        <source>PIN removed.</source>
        <translation>PIN removed.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="267" />
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="247" />
        <source>Teaching: %1</source>
        <translation>Teaching: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="248" />
        <source>◀  Back</source>
        <translation>◀  Back</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="249" />
        <location filename="../../volunteer_kit/ui/presenter.py" line="419" />
        <source>Next  ▶</source>
        <translation>Next  ▶</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="250" />
        <source>Notes (N)</source>
        <translation>Notes (N)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="251" />
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="252" />
        <source>Step %v of %m</source>
        <translation>Step %v of %m</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="253" />
        <source>▼ more below</source>
        <translation>▼ more below</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="407" />
        <source>  ⚠ pack not verified</source>
        <translation>  ⚠ pack not verified</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="411" />
        <source>No notes for this step.</source>
        <translation>No notes for this step.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="419" />
        <source>Finish  ✓</source>
        <translation>Finish  ✓</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="106" />
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="107" />
        <source>&amp;Open the PDF</source>
        <translation>&amp;Open the PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="108" />
        <source>Send to a prin&amp;ter…</source>
        <translation>Send to a prin&amp;ter…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="134" />
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="154" />
        <source>No program to show PDF files was found; the file is %1.</source>
        <translation>No program to show PDF files was found; the file is %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="176" />
        <source>Sending to the printer…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/printing.py" line="179" />
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n page sent to the printer.</numerusform><numerusform>%n pages sent to the printer.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="183" />
        <source>Not printed: %1</source>
        <translation>Not printed: %1</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="95" />
        <source>No lessons yet.</source>
        <translation>No lessons yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="103" />
        <source>quiz %1% (passed)</source>
        <translation>quiz %1% (passed)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="103" />
        <source>quiz %1% (not passed)</source>
        <translation>quiz %1% (not passed)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="107" />
        <source>quiz not taken</source>
        <translation>quiz not taken</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>complete ✓</source>
        <translation>complete ✓</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="111" />
        <source>%1: %2 of %3 lessons · %4 · skill checks %5 of %6 · %7</source>
        <translation>%1: %2 of %3 lessons · %4 · skill checks %5 of %6 · %7</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="121" />
        <source>%1 · skill checks %2 of %3</source>
        <translation>%1 · skill checks %2 of %3</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="130" />
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="131" />
        <source>Competencies:</source>
        <translation>Competencies:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="140" />
        <source>reached</source>
        <translation>reached</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="140" />
        <source>under way</source>
        <translation>under way</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="169" />
        <source>%1/%2 lessons</source>
        <translation>%1/%2 lessons</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="174" />
        <source>Complete ✓</source>
        <translation>Complete ✓</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="174" />
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
</context>
<context>
    <name>QuizWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="240" />
        <source>Quiz: %1</source>
        <translation>Quiz: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="331" />
        <source>Learner: %1</source>
        <translation>Learner: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="333" />
        <source>Question %1 of %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="337" />
        <source> (choose all that apply)</source>
        <translation> (choose all that apply)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="355" />
        <source>Check answer</source>
        <translation>Check answer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="387" />
        <source>Choose an answer first.</source>
        <translation>Choose an answer first.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="394" />
        <source>Right!</source>
        <translation>Right!</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="394" />
        <source>Not quite.</source>
        <translation>Not quite.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="397" />
        <source>See the result</source>
        <translation>See the result</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="397" />
        <source>Next question</source>
        <translation>Next question</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="427" />
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="427" />
        <source>not passed yet</source>
        <translation>not passed yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="429" />
        <source>%1 got %2 of %3 right: %4. Now %5.</source>
        <translation>%1 got %2 of %3 right: %4. Now %5.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="94" />
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="171" />
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="174" />
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="175" />
        <source>&amp;Enroll this laptop on the Sync page…</source>
        <translation>&amp;Enroll this laptop on the Sync page…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="176" />
        <source>Fro&amp;m:</source>
        <translation>Fro&amp;m:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="177" />
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="178" />
        <source>H&amp;amlet:</source>
        <translation>H&amp;amlet:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="179" />
        <source>&amp;Volunteer:</source>
        <translation>&amp;Volunteer:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="180" />
        <source>First day of the report</source>
        <translation>First day of the report</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="181" />
        <source>Last day of the report</source>
        <translation>Last day of the report</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="182" />
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="183" />
        <source>Count the figures for these days</source>
        <translation>Count the figures for these days</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="184" />
        <source>Export &amp;XLSX…</source>
        <translation>Export &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="185" />
        <source>Save these figures as an Excel workbook</source>
        <translation>Save these figures as an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="186" />
        <source>Export &amp;PDF…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="187" />
        <source>Save these figures as a PDF to print or send</source>
        <translation>Save these figures as a PDF to print or send</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="188" />
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="196" />
        <source>Whole commune</source>
        <translation>Whole commune</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="197" />
        <source>All volunteers</source>
        <translation>All volunteers</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="222" />
        <source>Reports are for commune officers and trainers: they count the people guided, lessons taught and skills passed in the commune, to send upward. To make one, enroll this laptop with an officer or trainer enrollment code from the hub operator (Sync page).</source>
        <translation>Reports are for commune officers and trainers: they count the people guided, lessons taught and skills passed in the commune, to send upward. To make one, enroll this laptop with an officer or trainer enrollment code from the hub operator (Sync page).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="227" />
        <source>Below is your own activity in the last 30 days.</source>
        <translation>Below is your own activity in the last 30 days.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="301" />
        <source>The first day is after the last day.</source>
        <translation>The first day is after the last day.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="323" />
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="335" />
        <source>Could not count the figures: %1</source>
        <translation>Could not count the figures: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="374" />
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="381" />
        <source>Nothing in these days</source>
        <translation>Nothing in these days</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="394" />
        <source>Nothing was recorded in these days on this laptop. The volunteers' sessions and visits arrive here when it syncs with the commune hub; or choose other days.</source>
        <translation>Nothing was recorded in these days on this laptop. The volunteers' sessions and visits arrive here when it syncs with the commune hub; or choose other days.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="397" />
        <source>Open the Sync page</source>
        <translation>Open the Sync page</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="402" />
        <source>You recorded no session and no visit in the last 30 days.</source>
        <translation>You recorded no session and no visit in the last 30 days.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="403" />
        <source>Teach a lesson…</source>
        <translation>Teach a lesson…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="421" />
        <source>Save the report as an Excel workbook</source>
        <translation>Save the report as an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="422" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="425" />
        <source>Save the report as a PDF</source>
        <translation>Save the report as a PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="425" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="446" />
        <source>Writing %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="452" />
        <source>Report written to %1.</source>
        <translation>Report written to %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="457" />
        <source>Could not write the report: %1</source>
        <translation>Could not write the report: %1</translation>
    </message>
</context>
<context>
    <name>RetireKeyDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="103" />
        <source>Retire a signing key</source>
        <translation>Retire a signing key</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="104" />
        <source>Signing &amp;key:</source>
        <translation>Signing &amp;key:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="108" />
        <source>This laptop's key (%1)</source>
        <translation>This laptop's key (%1)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="112" />
        <source>Key %1 of %2</source>
        <translation>Key %1 of %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="114" />
        <source>&amp;Reason (required):</source>
        <translation>&amp;Reason (required):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="117" />
        <source>e.g. the officer's laptop was stolen on 20/11</source>
        <translation>e.g. the officer's laptop was stolen on 20/11</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="120" />
        <source>The key &amp;leaked (laptop lost or stolen)</source>
        <translation>The key &amp;leaked (laptop lost or stolen)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="128" />
        <source>Re&amp;tire the key</source>
        <translation>Re&amp;tire the key</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="162" />
        <source>Warning: every certificate signed with this key stops being valid, on every laptop and on the hub's page once this has synced. Its learners are listed as eligible again, to be issued new certificates signed with a new key. This cannot be undone.</source>
        <translation>Warning: every certificate signed with this key stops being valid, on every laptop and on the hub's page once this has synced. Its learners are listed as eligible again, to be issued new certificates signed with a new key. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="170" />
        <source>This laptop's key will sign no more certificates; a new key is made for the next ones. The certificates it signed stay valid. This cannot be undone.</source>
        <translation>This laptop's key will sign no more certificates; a new key is made for the next ones. The certificates it signed stay valid. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="180" />
        <source>Write the reason for retiring the key.</source>
        <translation>Write the reason for retiring the key.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="183" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="194" />
        <source>Signing key %1 was retired; the certificates it signed stay valid.</source>
        <translation>Signing key %1 was retired; the certificates it signed stay valid.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="199" />
        <source>Signing key %1 was declared leaked: %n certificate(s) signed with it no longer stand. Their learners are in the list “Eligible” again: issue them new certificates.</source>
        <translation>
            <numerusform>Signing key %1 was declared leaked: %n certificate signed with it no longer stands. Its learner is in the list “Eligible” again: issue a new certificate.</numerusform><numerusform>Signing key %1 was declared leaked: %n certificates signed with it no longer stand. Their learners are in the list “Eligible” again: issue them new certificates.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="209" />
        <source>New certificates are signed with the new key %1.</source>
        <translation>New certificates are signed with the new key %1.</translation>
    </message>
</context>
<context>
    <name>RevokeDeviceDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="23" />
        <source>Revoke a laptop</source>
        <translation>Revoke a laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="27" />
        <source>Revoke “%1”?</source>
        <translation>Revoke “%1”?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="30" />
        <source>%1 · last contact with the hub: %2</source>
        <translation>%1 · last contact with the hub: %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="36" />
        <source>Do this for a lost or stolen laptop. Its next sync is refused and its user is told why. Records it has not sent stay on it: its user can export them to a file for you. To use it again it needs a new enrollment code.</source>
        <translation>Do this for a lost or stolen laptop. Its next sync is refused and its user is told why. Records it has not sent stay on it: its user can export them to a file for you. To use it again it needs a new enrollment code.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="41" />
        <source>&amp;Reason (required, e.g. laptop lost on 2 December):</source>
        <translation>&amp;Reason (required, e.g. laptop lost on 2 December):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="51" />
        <source>Re&amp;voke this laptop</source>
        <translation>Re&amp;voke this laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="78" />
        <source>At most %1 characters.</source>
        <translation>At most %1 characters.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="84" />
        <source>Write why this laptop is revoked.</source>
        <translation>Write why this laptop is revoked.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="87" />
        <source>Asking the hub…</source>
        <translation>Asking the hub…</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="37" />
        <source>Revoke a certificate</source>
        <translation>Revoke a certificate</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="41" />
        <source>Revoke certificate %1 of %2? The revocation is recorded and syncs: anyone who verifies this certificate will see that it was revoked. The learner can be issued a new one.</source>
        <translation>Revoke certificate %1 of %2? The revocation is recorded and syncs: anyone who verifies this certificate will see that it was revoked. The learner can be issued a new one.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="48" />
        <source>&amp;Reason (required):</source>
        <translation>&amp;Reason (required):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="51" />
        <source>e.g. the name was registered wrongly</source>
        <translation>e.g. the name was registered wrongly</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="57" />
        <source>Re&amp;voke</source>
        <translation>Re&amp;voke</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="77" />
        <source>Write the reason for revoking.</source>
        <translation>Write the reason for revoking.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="80" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>RevokedBox</name>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="49" />
        <source>This laptop was revoked</source>
        <translation>This laptop was revoked</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="50" />
        <source>&amp;Export unsent records…</source>
        <translation>&amp;Export unsent records…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="52" />
        <source>Save the records that never reached the hub to a file, for the commune officer</source>
        <translation>Save the records that never reached the hub to a file, for the commune officer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="54" />
        <source>&amp;Delete the hub token…</source>
        <translation>&amp;Delete the hub token…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="61" />
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="64" />
        <source>The commune hub no longer takes records from this laptop (reason: %1). Everything recorded here is still on this laptop.</source>
        <translation>The commune hub no longer takes records from this laptop (reason: %1). Everything recorded here is still on this laptop.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="71" />
        <source>%n record(s) never reached the hub. Export them to a file and give it to the commune officer (a USB stick, or a message); then delete the hub token from this laptop.</source>
        <translation>
            <numerusform>%n record never reached the hub. Export it to a file and give it to the commune officer (a USB stick, or a message); then delete the hub token from this laptop.</numerusform><numerusform>%n records never reached the hub. Export them to a file and give them to the commune officer (a USB stick, or a message); then delete the hub token from this laptop.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="78" />
        <source>The unsent records were exported on %1. Give the file to the commune officer; then delete the hub token from this laptop.</source>
        <translation>The unsent records were exported on %1. Give the file to the commune officer; then delete the hub token from this laptop.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="82" />
        <source>No record waits to be sent. Delete the hub token from this laptop.</source>
        <translation>No record waits to be sent. Delete the hub token from this laptop.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="91" />
        <source>Export unsent records</source>
        <translation>Export unsent records</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="91" />
        <source>Record bundles (*.vkbundle)</source>
        <translation>Record bundles (*.vkbundle)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="102" />
        <source>%n record(s) exported to %1.</source>
        <translation>
            <numerusform>%n record exported to %1.</numerusform><numerusform>%n records exported to %1.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="111" />
        <source>Delete the hub token</source>
        <translation>Delete the hub token</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="113" />
        <source>This laptop will no longer hold its key to the commune hub. Your records stay on this laptop. Delete the token?</source>
        <translation>This laptop will no longer hold its key to the commune hub. Your records stay on this laptop. Delete the token?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="127" />
        <source>The hub token was deleted. The records stay on this laptop.</source>
        <translation>The hub token was deleted. The records stay on this laptop.</translation>
    </message>
</context>
<context>
    <name>SectionTable</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/report_figures.py" line="304" />
        <source>No figure (not 0)</source>
        <translation>No figure (not 0)</translation>
    </message>
</context>
<context>
    <name>SessionDetailView</name>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="235" />
        <source>Lesson pack</source>
        <translation>Lesson pack</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="236" />
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="237" />
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="238" />
        <source>Volunteers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="239" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="244" />
        <source>Choose a session in the list to see who came.</source>
        <translation>Choose a session in the list to see who came.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="245" />
        <source>← &amp;Back to the list</source>
        <translation>← &amp;Back to the list</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="247" />
        <source>What was &amp;taught, and notes</source>
        <translation>What was &amp;taught, and notes</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="340" />
        <source>Add the learne&amp;rs who came…</source>
        <translation>Add the learne&amp;rs who came…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="248" />
        <source>Find each registered learner who came and add them</source>
        <translation>Find each registered learner who came and add them</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="249" />
        <source>&amp;Notes of the session (what went well, what to repeat):</source>
        <translation>&amp;Notes of the session (what went well, what to repeat):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="250" />
        <source>Sa&amp;ve notes</source>
        <translation>Sa&amp;ve notes</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="251" />
        <source>Add &amp;walk-in…</source>
        <translation>Add &amp;walk-in…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="252" />
        <source>Register someone new, with their consent, as present</source>
        <translation>Register someone new, with their consent, as present</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="253" />
        <source>Add &amp;learner…</source>
        <translation>Add &amp;learner…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="324" />
        <source>Open: tick who is here (Space ticks the chosen box).</source>
        <translation>Open: tick who is here (Space ticks the chosen box).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="246" />
        <source>&amp;Attendance</source>
        <translation>&amp;Attendance</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="254" />
        <source>Add a registered learner who came late</source>
        <translation>Add a registered learner who came late</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="255" />
        <source>&amp;Close attendance…</source>
        <translation>&amp;Close attendance…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="256" />
        <source>The attendance list is complete</source>
        <translation>The attendance list is complete</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="257" />
        <source>C&amp;orrect attendance</source>
        <translation>C&amp;orrect attendance</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="259" />
        <source>Unlock the boxes of a closed session to fix a mistake; every change is kept</source>
        <translation>Unlock the boxes of a closed session to fix a mistake; every change is kept</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="261" />
        <source>Attendance: arrows to move, Space to tick</source>
        <translation>Attendance: arrows to move, Space to tick</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="262" />
        <source>E&amp;xport roster…</source>
        <translation>E&amp;xport roster…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="264" />
        <source>Save the list of learners to print and sign, or to open in Excel</source>
        <translation>Save the list of learners to print and sign, or to open in Excel</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="266" />
        <source>Roster file format</source>
        <translation>Roster file format</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="267" />
        <source>CSV and XLSX open in Excel; PDF is ready to print</source>
        <translation>CSV and XLSX open in Excel; PDF is ready to print</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="301" />
        <source> (not verified)</source>
        <translation> (not verified)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="302" />
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="318" />
        <source>Attendance: %1 of %2 present</source>
        <translation>Attendance: %1 of %2 present</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="326" />
        <source>Closed; correcting: each change is recorded as a correction.</source>
        <translation>Closed; correcting: each change is recorded as a correction.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="328" />
        <source>Closed. To fix a mistake, press “Correct attendance”.</source>
        <translation>Closed. To fix a mistake, press “Correct attendance”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="339" />
        <source>Nobody is on this session's list yet. Add the learners who came.</source>
        <translation>Nobody is on this session's list yet. Add the learners who came.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="344" />
        <source>Nobody is on this session's list. To add someone, press “Correct attendance”.</source>
        <translation>Nobody is on this session's list. To add someone, press “Correct attendance”.</translation>
    </message>
</context>
<context>
    <name>SessionSummaryDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="48" />
        <source>Session summary</source>
        <translation>Session summary</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/session_summary.py" line="58" />
        <source>%n learner(s) present</source>
        <translation>
            <numerusform>%n learner present</numerusform><numerusform>%n learners present</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="67" />
        <source>Now eligible for a certificate: %1</source>
        <translation>Now eligible for a certificate: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="74" />
        <source>&amp;Print roster…</source>
        <translation>&amp;Print roster…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="87" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="87" />
        <source>Quiz score</source>
        <translation>Quiz score</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="87" />
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="87" />
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="91" />
        <source>Practical skill checks</source>
        <translation>Practical skill checks</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="107" />
        <source>✓ eligible</source>
        <translation>✓ eligible</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="157" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="158" />
        <source>Save the roster</source>
        <translation>Save the roster</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="174" />
        <source>Writing the roster…</source>
        <translation>Writing the roster…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/session_summary.py" line="179" />
        <source>Roster of %n people written to %1.</source>
        <translation>
            <numerusform>Roster of %n person written to %1.</numerusform><numerusform>Roster of %n people written to %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/sessions_model.py" line="50" />
        <source>● open</source>
        <translation>● open</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/sessions_model.py" line="44" />
        <source>%1/%2 present</source>
        <translation>%1/%2 present</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/sessions_model.py" line="55" />
        <source>Attendance is closed</source>
        <translation>Attendance is closed</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/sessions_model.py" line="57" />
        <source>Attendance is still open</source>
        <translation>Attendance is still open</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="82" />
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="151" />
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="87" />
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="154" />
        <source>Teaching sessions</source>
        <translation>Teaching sessions</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="155" />
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="156" />
        <source>Place, hamlet or lesson pack</source>
        <translation>Place, hamlet or lesson pack</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="157" />
        <source>Type with or without accents</source>
        <translation>Type with or without accents</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="158" />
        <source>Search sessions</source>
        <translation>Search sessions</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="159" />
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="171" />
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="244" />
        <source>No session matches this search.</source>
        <translation>No session matches this search.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="244" />
        <source>&amp;Clear the search</source>
        <translation>&amp;Clear the search</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="249" />
        <source>No teaching sessions yet. A session is recorded when you teach a lesson: choose the lesson, then who came.</source>
        <translation>No teaching sessions yet. A session is recorded when you teach a lesson: choose the lesson, then who came.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="252" />
        <source>&amp;Teach a lesson…</source>
        <translation>&amp;Teach a lesson…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="269" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="271" />
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform><numerusform>%n sessions</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="380" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="381" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="382" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="384" />
        <source>Save the roster</source>
        <translation>Save the roster</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="401" />
        <source>Writing the roster…</source>
        <translation>Writing the roster…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="406" />
        <source>Roster of %n people written to %1.</source>
        <translation>
            <numerusform>Roster of %n person written to %1.</numerusform><numerusform>Roster of %n people written to %1.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="448" />
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="553" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="470" />
        <source>%1 is already registered and is now marked present.</source>
        <translation>%1 is already registered and is now marked present.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="473" />
        <source>%1 was added and marked present.</source>
        <translation>%1 was added and marked present.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="484" />
        <source>Add a registered learner</source>
        <translation>Add a registered learner</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="485" />
        <source>They are added as present and late.</source>
        <translation>They are added as present and late.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="487" />
        <source>They are added as present.</source>
        <translation>They are added as present.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="488" />
        <source>&amp;Add as late</source>
        <translation>&amp;Add as late</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="488" />
        <source>&amp;Add as present</source>
        <translation>&amp;Add as present</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="490" />
        <source>(already on the list)</source>
        <translation>(already on the list)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="502" />
        <source>%1 was added as late.</source>
        <translation>%1 was added as late.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="502" />
        <source>%1 was added as present.</source>
        <translation>%1 was added as present.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="514" />
        <source>Attendance closed.</source>
        <translation>Attendance closed.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="524" />
        <source>Close attendance</source>
        <translation>Close attendance</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="526" />
        <source>Close the attendance of this session? %1 of %2 learners are marked present.

The boxes become read-only; a mistake can still be corrected later.</source>
        <translation>Close the attendance of this session? %1 of %2 learners are marked present.

The boxes become read-only; a mistake can still be corrected later.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="544" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="549" />
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="107" />
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="123" />
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="126" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="127" />
        <source>Display</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="128" />
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="129" />
        <source>&amp;Text size:</source>
        <translation>&amp;Text size:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="130" />
        <source>Makes every text in the window larger</source>
        <translation>Makes every text in the window larger</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="131" />
        <source>Volunteer profile</source>
        <translation>Volunteer profile</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="132" />
        <source>&amp;Full name:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="133" />
        <source>e.g. Nguyễn Thị Thu Trang</source>
        <translation>e.g. Nguyễn Thị Thu Trang</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="134" />
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="137" />
        <source>To work as a commune officer, enroll this laptop with an officer enrollment code from the hub operator (Sync page).</source>
        <translation>To work as a commune officer, enroll this laptop with an officer enrollment code from the hub operator (Sync page).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="141" />
        <source>&amp;Phone (optional):</source>
        <translation>&amp;Phone (optional):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="142" />
        <source>Commune:</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="143" />
        <source>&amp;Save profile</source>
        <translation>&amp;Save profile</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="164" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="167" />
        <source>%1 (as enrolled with the commune hub)</source>
        <translation>%1 (as enrolled with the commune hub)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="170" />
        <source>not enrolled: volunteer</source>
        <translation>not enrolled: volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="177" />
        <source>not set (it comes with enrolment on the commune hub)</source>
        <translation>not set (it comes with enrolment on the commune hub)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="185" />
        <source>Enter your full name.</source>
        <translation>Enter your full name.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="189" />
        <source>A phone number has 10 digits, e.g. 0912345678.</source>
        <translation>A phone number has 10 digits, e.g. 0912345678.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="193" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="198" />
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="207" />
        <source>Not saved.</source>
        <translation>Not saved.</translation>
    </message>
</context>
<context>
    <name>SkillChecksDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/skill_checks.py" line="86" />
        <source>Practical skill checks</source>
        <translation>Practical skill checks</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/skill_checks.py" line="100" />
        <source>Learners</source>
        <translation>Learners</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/skill_checks.py" line="103" />
        <source>Skill %1</source>
        <translation>Skill %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/skill_checks.py" line="140" />
        <source>Tick what each learner did by themselves.</source>
        <translation>Tick what each learner did by themselves.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/skill_checks.py" line="96" />
        <source> (optional)</source>
        <translation> (optional)</translation>
    </message>
</context>
<context>
    <name>StartSessionDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="70" />
        <source>Start a teaching session</source>
        <translation>Start a teaching session</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="78" />
        <source>e.g. Nhà văn hóa thôn Kim Lan</source>
        <translation>e.g. Nhà văn hóa thôn Kim Lan</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="80" />
        <source>Type a name to find learners</source>
        <translation>Type a name to find learners</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="88" />
        <source>Someone &amp;new:</source>
        <translation>Someone &amp;new:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="90" />
        <source>Full name of a newcomer</source>
        <translation>Full name of a newcomer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="93" />
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="95" />
        <source>&amp;Add with consent…</source>
        <translation>&amp;Add with consent…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="96" />
        <source>Register someone not registered yet, once they agree</source>
        <translation>Register someone not registered yet, once they agree</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="105" />
        <source>Lesson:</source>
        <translation>Lesson:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="109" />
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="110" />
        <source>&amp;Place:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="111" />
        <source>&amp;Find learners:</source>
        <translation>&amp;Find learners:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="120" />
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/teaching.py" line="251" />
        <source>%n learner(s) present</source>
        <translation>
            <numerusform>%n learner present</numerusform><numerusform>%n learners present</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="287" />
        <source>%1 was added and marked present.</source>
        <translation>%1 was added and marked present.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="285" />
        <source>%1 is already registered and is now marked present.</source>
        <translation>%1 is already registered and is now marked present.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="102" />
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="234" />
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="237" />
        <source>Sync with the commune hub</source>
        <translation>Sync with the commune hub</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="242" />
        <source>Unencrypted connection: records travel over the network unprotected (http). Ask the hub operator for an encrypted enrollment code (its QR) and enroll again.</source>
        <translation>Unencrypted connection: records travel over the network unprotected (http). Ask the hub operator for an encrypted enrollment code (its QR) and enroll again.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="246" />
        <source>This laptop</source>
        <translation>This laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="250" />
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="251" />
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="252" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="254" />
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="255" />
        <source>Hub state</source>
        <translation>Hub state</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="260" />
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="261" />
        <source>Send what was recorded here and receive the commune's news</source>
        <translation>Send what was recorded here and receive the commune's news</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="262" />
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="263" />
        <source>Send the refused records &amp;again</source>
        <translation>Send the refused records &amp;again</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="264" />
        <source>Show &amp;overwritten edits</source>
        <translation>Show &amp;overwritten edits</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="265" />
        <source>Lesson packs waiting for your decision</source>
        <translation>Lesson packs waiting for your decision</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="268" />
        <source>The hub sent these packs, but no publisher this laptop trusts signed them. Install one only if the commune officer says it is genuine; it will be marked “not verified”.</source>
        <translation>The hub sent these packs, but no publisher this laptop trusts signed them. Install one only if the commune officer says it is genuine; it will be marked “not verified”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="272" />
        <source>&amp;Install anyway…</source>
        <translation>&amp;Install anyway…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="273" />
        <source>&amp;Forget it</source>
        <translation>&amp;Forget it</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="274" />
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="297" />
        <source>Opening your records…</source>
        <translation>Opening your records…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="302" />
        <source>Everything you record stays on this laptop until it reaches the commune hub. Ask the commune officer for an enrollment code (or its QR image), then enroll this laptop once.</source>
        <translation>Everything you record stays on this laptop until it reaches the commune hub. Ask the commune officer for an enrollment code (or its QR image), then enroll this laptop once.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="310" />
        <source>Records go to the hub whenever it can be reached: by themselves, or when you press Sync now. Nothing is lost while offline.</source>
        <translation>Records go to the hub whenever it can be reached: by themselves, or when you press Sync now. Nothing is lost while offline.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="319" />
        <source>no name given at enrollment</source>
        <translation>no name given at enrollment</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="320" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="327" />
        <source>Device id: %1</source>
        <translation>Device id: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="333" />
        <source>Overwritten edits</source>
        <translation>Overwritten edits</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="350" />
        <source>Nothing has happened yet: enroll this laptop above; each sync is then written here.</source>
        <translation>Nothing has happened yet: enroll this laptop above; each sync is then written here.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="354" />
        <source>No sync since the app was opened; the last one was on %1.</source>
        <translation>No sync since the app was opened; the last one was on %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="357" />
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="360" />
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="360" />
        <source>This laptop has never synced.</source>
        <translation>This laptop has never synced.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="374" />
        <source>When two laptops change the same record, the later edit is kept and the other is listed here. The hub has not been asked yet.</source>
        <translation>When two laptops change the same record, the later edit is kept and the other is listed here. The hub has not been asked yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="377" />
        <source>Ask the hub</source>
        <translation>Ask the hub</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="381" />
        <source>No edit was overwritten: no two laptops changed the same record.</source>
        <translation>No edit was overwritten: no two laptops changed the same record.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="382" />
        <source>Ask the hub again</source>
        <translation>Ask the hub again</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="387" />
        <source>syncing…</source>
        <translation>syncing…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="389" />
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="390" />
        <source>reachable</source>
        <translation>reachable</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="390" />
        <source>not reachable (offline)</source>
        <translation>not reachable (offline)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="395" />
        <source>Waiting to go (%n)</source>
        <translation>
            <numerusform>Waiting to go (%n)</numerusform><numerusform>Waiting to go (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="401" />
        <source>Nothing: everything has reached the hub.</source>
        <translation>Nothing: everything has reached the hub.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="405" />
        <source>Refused by the hub (%n)</source>
        <translation>
            <numerusform>Refused by the hub (%n)</numerusform><numerusform>Refused by the hub (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="415" />
        <source>The hub has refused nothing: every record it was sent fits.</source>
        <translation>The hub has refused nothing: every record it was sent fits.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="612" />
        <source>Overwritten: %1 — see below.</source>
        <translation>Overwritten: %1 — see below.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="657" />
        <source>Record id: %1</source>
        <translation>Record id: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="658" />
        <source>Overwritten on device: %1</source>
        <translation>Overwritten on device: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="661" />
        <source>Kept from device: %1</source>
        <translation>Kept from device: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="682" />
        <source>this laptop</source>
        <translation>this laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="686" />
        <source>the laptop of %1</source>
        <translation>the laptop of %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="687" />
        <source>another laptop</source>
        <translation>another laptop</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="692" />
        <source>%1: the edit made on %2 was overwritten by a later edit from %3 (%4)</source>
        <translation>%1: the edit made on %2 was overwritten by a later edit from %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="701" />
        <source>%1 (edited on %2)</source>
        <translation>%1 (edited on %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="710" />
        <source>and %n more record(s)</source>
        <translation>
            <numerusform>and %n more record</numerusform><numerusform>and %n more records</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="458" />
        <source>Installed %1 (not verified).</source>
        <translation>Installed %1 (not verified).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="253" />
        <source>Laptop name</source>
        <translation>Laptop name</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="458" />
        <source>Forgot %1.</source>
        <translation>Forgot %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="475" />
        <source>Install a pack that is not verified</source>
        <translation>Install a pack that is not verified</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="477" />
        <source>%1 is not signed by a publisher this laptop trusts. Install it anyway? It will be marked “not verified” wherever it shows.</source>
        <translation>%1 is not signed by a publisher this laptop trusts. Install it anyway? It will be marked “not verified” wherever it shows.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="532" />
        <source>Connecting to the hub…</source>
        <translation>Connecting to the hub…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="533" />
        <source>Sync started.</source>
        <translation>Sync started.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="534" />
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="545" />
        <source>Stopping after the current batch…</source>
        <translation>Stopping after the current batch…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="550" />
        <source>The hub is busy with other devices; trying again in %1 s</source>
        <translation>The hub is busy with other devices; trying again in %1 s</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="557" />
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="558" />
        <source>Receiving</source>
        <translation>Receiving</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="559" />
        <source>Checking overwritten edits</source>
        <translation>Checking overwritten edits</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="560" />
        <source>Lesson packs</source>
        <translation>Lesson packs</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="565" />
        <source>%1: %2 of %3 records</source>
        <translation>%1: %2 of %3 records</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="569" />
        <source>%1: %2 records</source>
        <translation>%1: %2 records</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="588" />
        <source>Sync cancelled: what was done is kept; %n record(s) still wait.</source>
        <translation>
            <numerusform>Sync cancelled: what was done is kept; %n record still waits.</numerusform><numerusform>Sync cancelled: what was done is kept; %n records still wait.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="593" />
        <source>Synced: %1 sent, %2 received; %3 refused.</source>
        <translation>Synced: %1 sent, %2 received; %3 refused.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="600" />
        <source>Refused: %1.</source>
        <translation>Refused: %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="605" />
        <source>%n lesson pack(s) installed.</source>
        <translation>
            <numerusform>%n lesson pack installed.</numerusform><numerusform>%n lesson packs installed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="608" />
        <source>%n lesson pack(s) wait for your decision.</source>
        <translation>
            <numerusform>%n lesson pack waits for your decision.</numerusform><numerusform>%n lesson packs wait for your decision.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="616" />
        <source>%n edit(s) were overwritten: see below.</source>
        <translation>
            <numerusform>%n edit was overwritten: see below.</numerusform><numerusform>%n edits were overwritten: see below.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="640" />
        <source>%n record(s) will be sent again.</source>
        <translation>
            <numerusform>%n record will be sent again.</numerusform><numerusform>%n records will be sent again.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="739" />
        <source>The hub can be reached: syncing by itself.</source>
        <translation>The hub can be reached: syncing by itself.</translation>
    </message>
</context>
<context>
    <name>ToDoList</name>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/today.py" line="79" />
        <source>Show all %n</source>
        <translation>
            <numerusform>Show all %n</numerusform><numerusform>Show all %n</numerusform></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="65" />
        <location filename="../../volunteer_kit/ui/pages/today.py" line="152" />
        <location filename="../../volunteer_kit/ui/pages/today.py" line="155" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="156" />
        <source>Learners registered</source>
        <translation>Learners registered</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="157" />
        <source>Teaching sessions this week</source>
        <translation>Teaching sessions this week</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="158" />
        <source>Records waiting to sync</source>
        <translation>Records waiting to sync</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="159" />
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="160" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="161" />
        <source>Load the counts again (F5)</source>
        <translation>Load the counts again (F5)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="162" />
        <source>What needs doing</source>
        <translation>What needs doing</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="163" />
        <source>Sessions whose attendance is still open</source>
        <translation>Sessions whose attendance is still open</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="164" />
        <source>Households not visited yet</source>
        <translation>Households not visited yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="165" />
        <source>Learners one lesson short of finishing a pack</source>
        <translation>Learners one lesson short of finishing a pack</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="167" />
        <source>Enter or double-click opens it</source>
        <translation>Enter or double-click opens it</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="202" />
        <source>%1 of %2 present</source>
        <translation>%1 of %2 present</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="212" />
        <source>No session waits for its attendance: every one is closed.</source>
        <translation>No session waits for its attendance: every one is closed.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="213" />
        <location filename="../../volunteer_kit/ui/pages/today.py" line="262" />
        <source>Teach a lesson…</source>
        <translation>Teach a lesson…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="224" />
        <source>Every household has been visited.</source>
        <translation>Every household has been visited.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="226" />
        <source>No household is registered on this laptop yet.</source>
        <translation>No household is registered on this laptop yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="227" />
        <source>Open the Households page</source>
        <translation>Open the Households page</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="250" />
        <source>No learner is registered on this laptop yet.</source>
        <translation>No learner is registered on this laptop yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="251" />
        <source>Open the Learners page</source>
        <translation>Open the Learners page</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="259" />
        <source>Nobody is one lesson short of a pack right now: teaching the next lessons brings them here.</source>
        <translation>Nobody is one lesson short of a pack right now: teaching the next lessons brings them here.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/today.py" line="217" />
        <source>%1: %n household(s)</source>
        <translation>
            <numerusform>%1: %n household</numerusform><numerusform>%1: %n households</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="235" />
        <source>%1 (%2) · %3 · still to learn: %4</source>
        <translation>%1 (%2) · %3 · still to learn: %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/today.py" line="245" />
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform><numerusform>and %n more</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="275" />
        <source>Opening your records…</source>
        <translation>Opening your records…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="279" />
        <source>Commune: %1</source>
        <translation>Commune: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="282" />
        <source>No commune yet: enroll this laptop with the commune hub on the Sync page.</source>
        <translation>No commune yet: enroll this laptop with the commune hub on the Sync page.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/today.py" line="285" />
        <source>in %n household(s)</source>
        <translation>
            <numerusform>in %n household</numerusform><numerusform>in %n households</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="287" />
        <source>since Monday</source>
        <translation>since Monday</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="290" />
        <source>recorded on this laptop, not yet on the commune hub</source>
        <translation>recorded on this laptop, not yet on the commune hub</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="292" />
        <source>everything has reached the hub</source>
        <translation>everything has reached the hub</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="295" />
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="296" />
        <source>this laptop has not synced yet</source>
        <translation>this laptop has not synced yet</translation>
    </message>
</context>
<context>
    <name>VerdictView</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="42" />
        <source>✓ VALID</source>
        <translation>✓ VALID</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="43" />
        <source>✗ ALTERED</source>
        <translation>✗ ALTERED</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="44" />
        <source>? UNKNOWN SIGNER</source>
        <translation>? UNKNOWN SIGNER</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="45" />
        <source>✗ REVOKED</source>
        <translation>✗ REVOKED</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="46" />
        <source>✗ SIGNING KEY REVOKED</source>
        <translation>✗ SIGNING KEY REVOKED</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="48" />
        <source>✗ SIGNED AFTER ITS KEY WAS RETIRED</source>
        <translation>✗ SIGNED AFTER ITS KEY WAS RETIRED</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="52" />
        <source>– UNREADABLE</source>
        <translation>– UNREADABLE</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="88" />
        <source>What the code claims (not confirmed):</source>
        <translation>What the code claims (not confirmed):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="96" />
        <source>Serial</source>
        <translation>Serial</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="97" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="98" />
        <source>Lesson pack</source>
        <translation>Lesson pack</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="99" />
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="102" />
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="136" />
        <source>Verify a certificate</source>
        <translation>Verify a certificate</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="140" />
        <source>Paste the text of the certificate's QR code (a link, or text starting with vk-cert:), or open a photo, a scan or a PDF of the certificate. It is checked against the signing keys and revocations this laptop received by sync, without the internet.</source>
        <translation>Paste the text of the certificate's QR code (a link, or text starting with vk-cert:), or open a photo, a scan or a PDF of the certificate. It is checked against the signing keys and revocations this laptop received by sync, without the internet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="145" />
        <source>&amp;Text of the QR code:</source>
        <translation>&amp;Text of the QR code:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="152" />
        <source>Open an &amp;image or PDF…</source>
        <translation>Open an &amp;image or PDF…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="153" />
        <source>A photo or scan (PNG, JPG) or a PDF of the certificate</source>
        <translation>A photo or scan (PNG, JPG) or a PDF of the certificate</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="155" />
        <source>C&amp;heck the text</source>
        <translation>C&amp;heck the text</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="192" />
        <source>A photo, scan or PDF of the certificate</source>
        <translation>A photo, scan or PDF of the certificate</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="194" />
        <source>Images and PDF (*.png *.jpg *.jpeg *.pdf);;All files (*)</source>
        <translation>Images and PDF (*.png *.jpg *.jpeg *.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="207" />
        <source>Paste the text of the QR code first, or open an image.</source>
        <translation>Paste the text of the QR code first, or open an image.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="212" />
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="242" />
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="247" />
        <source>Reading %1: page %2 of %3…</source>
        <translation>Reading %1: page %2 of %3…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="292" />
        <source>%n QR code(s) found in the file; each is checked below.</source>
        <translation>
            <numerusform>%n QR code found in the file; it is checked below.</numerusform><numerusform>%n QR codes found in the file; each is checked below.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="294" />
        <source>All %n page(s) of the PDF were read.</source>
        <translation>
            <numerusform>The PDF's %n page was read.</numerusform><numerusform>All %n pages of the PDF were read.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="297" />
        <source>Read %1 of %2 pages: the pages after were not checked.</source>
        <translation>Read %1 of %2 pages: the pages after were not checked.</translation>
    </message>
</context>
<context>
    <name>WalkIn</name>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="50" />
        <source>The birth year is four digits, e.g. 1958.</source>
        <translation>The birth year is four digits, e.g. 1958.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="57" />
        <source>Not added: consent was not given.</source>
        <translation>Not added: consent was not given.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="95" />
        <source>Already registered?</source>
        <translation>Already registered?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="96" />
        <source>Someone with this name and birth year is already registered. Is it this person?</source>
        <translation>Someone with this name and birth year is already registered. Is it this person?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="99" />
        <source>No, someone else</source>
        <translation>No, someone else</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="113" />
        <source>Someone else</source>
        <translation>Someone else</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="114" />
        <source>Register a new learner with the same name and birth year?</source>
        <translation>Register a new learner with the same name and birth year?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="124" />
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="125" />
        <source>Read this to %1 and ask whether they agree:

%2</source>
        <translation>Read this to %1 and ask whether they agree:

%2</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="26" />
        <source>Add a walk-in</source>
        <translation>Add a walk-in</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="28" />
        <source>Full name of a newcomer</source>
        <translation>Full name of a newcomer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="30" />
        <source>e.g. 1958</source>
        <translation>e.g. 1958</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="36" />
        <source>Someone not registered yet joined the session. They are added as present once they agree.</source>
        <translation>Someone not registered yet joined the session. They are added as present once they agree.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="42" />
        <source>&amp;Full name:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="44" />
        <source>&amp;Birth year:</source>
        <translation>&amp;Birth year:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="50" />
        <source>&amp;Add with consent…</source>
        <translation>&amp;Add with consent…</translation>
    </message>
</context>
</TS>