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
    <name>Labels</name>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="8" />
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="9" />
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="10" />
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="13" />
        <source>Elderly</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="14" />
        <source>Ethnic minority</source>
        <translation>Ethnic minority</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="15" />
        <source>Official</source>
        <translation>Official</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="16" />
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="17" />
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="18" />
        <source>Person with disability</source>
        <translation>Person with disability</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="21" />
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="22" />
        <source>Commune officer</source>
        <translation>Commune officer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="23" />
        <source>Trainer</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="26" />
        <source>Home visit</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="27" />
        <source>Group class</source>
        <translation>Group class</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="28" />
        <source>Community talk</source>
        <translation>Community talk</translation>
    </message>
</context>
<context>
    <name>LearnerDetailView</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>Lives in</source>
        <translation>Lives in</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="113" />
        <source>Choose a learner in the list to see their record.</source>
        <translation>Choose a learner in the list to see their record.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="114" />
        <source>&amp;Withdraw consent…</source>
        <translation>&amp;Withdraw consent…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="117" />
        <source>The person no longer agrees: erase their name, birth year and phone; only anonymous counts remain</source>
        <translation>The person no longer agrees: erase their name, birth year and phone; only anonymous counts remain</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="149" />
        <source>given %1 (text version %2)</source>
        <translation>given %1 (text version %2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="153" />
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="156" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="164" />
        <source>Sessions (%n)</source>
        <translation>
            <numerusform>Sessions (%n)</numerusform><numerusform>Sessions (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="167" />
        <source>present</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="167" />
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="170" />
        <source>Quiz attempts (%n)</source>
        <translation>
            <numerusform>Quiz attempts (%n)</numerusform><numerusform>Quiz attempts (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="173" />
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="173" />
        <source>not passed</source>
        <translation>not passed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="178" />
        <source>Skill checks (%n)</source>
        <translation>
            <numerusform>Skill checks (%n)</numerusform><numerusform>Skill checks (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="181" />
        <source>done unaided</source>
        <translation>done unaided</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="181" />
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="189" />
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="191" />
        <source>No lessons yet.</source>
        <translation>No lessons yet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="197" />
        <source>quiz %1% (passed)</source>
        <translation>quiz %1% (passed)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="197" />
        <source>quiz %1% (not passed)</source>
        <translation>quiz %1% (not passed)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="201" />
        <source>quiz not taken</source>
        <translation>quiz not taken</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="203" />
        <source>complete ✓</source>
        <translation>complete ✓</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="203" />
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="205" />
        <source>%1: %2 of %3 lessons · %4 · skill checks %5 of %6 · %7</source>
        <translation>%1: %2 of %3 lessons · %4 · skill checks %5 of %6 · %7</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="217" />
        <source>Competencies:</source>
        <translation>Competencies:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="219" />
        <source>reached</source>
        <translation>reached</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="219" />
        <source>under way</source>
        <translation>under way</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="227" />
        <source> (not verified)</source>
        <translation> (not verified)</translation>
    </message>
</context>
<context>
    <name>LearnersModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="32" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="33" />
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="34" />
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="35" />
        <source>Hamlet</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="36" />
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="37" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>LearnersPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="321" />
        <source>Learners</source>
        <translation>Learners</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="324" />
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="325" />
        <source>Name; accents optional, e.g. nguyen thi hang</source>
        <translation>Name; accents optional, e.g. nguyen thi hang</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="326" />
        <source>Search learners by name</source>
        <translation>Search learners by name</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="327" />
        <source>&amp;Hamlet:</source>
        <translation>&amp;Hamlet:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="328" />
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="340" />
        <source>All hamlets</source>
        <translation>All hamlets</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="343" />
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="384" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="386" />
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n learner</numerusform><numerusform>%n learners</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="408" />
        <source>Consent withdrawn: %1's name, birth year and phone were erased.</source>
        <translation>Consent withdrawn: %1's name, birth year and phone were erased.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="418" />
        <source>Withdraw consent</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="420" />
        <source>%1 no longer agrees to be recorded?

Their name, birth year and phone will be erased everywhere; the sessions they attended stay only as anonymous counts. This cannot be undone.</source>
        <translation>%1 no longer agrees to be recorded?

Their name, birth year and phone will be erased everywhere; the sessions they attended stay only as anonymous counts. This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>LessonsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="34" />
        <source>bundled with the app</source>
        <translation>bundled with the app</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="35" />
        <source>signed by a trusted publisher</source>
        <translation>signed by a trusted publisher</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="36" />
        <source>NOT SIGNED: check where it came from</source>
        <translation>NOT SIGNED: check where it came from</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="37" />
        <source>UNKNOWN PUBLISHER: check where it came from</source>
        <translation>UNKNOWN PUBLISHER: check where it came from</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="115" />
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="118" />
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="131" />
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="119" />
        <source>&amp;Import pack…</source>
        <translation>&amp;Import pack…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="121" />
        <source>Add a lesson pack from a file (.vkpack), e.g. from a USB stick</source>
        <translation>Add a lesson pack from a file (.vkpack), e.g. from a USB stick</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="123" />
        <source>&amp;Teach this lesson</source>
        <translation>&amp;Teach this lesson</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="125" />
        <source>Start a session: who is present, the lesson, the quiz, the skill checks</source>
        <translation>Start a session: who is present, the lesson, the quiz, the skill checks</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="127" />
        <source>&amp;Preview</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="129" />
        <source>Show the lesson in teaching mode without recording a session</source>
        <translation>Show the lesson in teaching mode without recording a session</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="132" />
        <source>Practical skill checks</source>
        <translation>Practical skill checks</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="173" />
        <source>No lesson packs yet</source>
        <translation>No lesson packs yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="182" />
        <source>Version %1 · about %2 minutes · %3 quiz questions</source>
        <translation>Version %1 · about %2 minutes · %3 quiz questions</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="186" />
        <source>Competencies: %1</source>
        <translation>Competencies: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="187" />
        <source>Publisher: %1 (%2)</source>
        <translation>Publisher: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="194" />
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform><numerusform>%n steps</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="199" />
        <source> (optional)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="242" />
        <source>Import a lesson pack</source>
        <translation>Import a lesson pack</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="242" />
        <source>Lesson packs (*.vkpack)</source>
        <translation>Lesson packs (*.vkpack)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="252" />
        <source>Checking and importing %1…</source>
        <translation>Checking and importing %1…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="283" />
        <source>Pack not verified</source>
        <translation>Pack not verified</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="284" />
        <source>%1

Import it anyway? It will be marked as not verified everywhere it shows.</source>
        <translation>%1

Import it anyway? It will be marked as not verified everywhere it shows.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="124" />
        <source>Volunteer Kit — Digital Education for All</source>
        <translation>Volunteer Kit — Digital Education for All</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="128" />
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="130" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="131" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="132" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="133" />
        <source>&amp;About Volunteer Kit</source>
        <translation>&amp;About Volunteer Kit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="134" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="137" />
        <source>This laptop is not enrolled with a commune hub yet; everything is kept here until it syncs.</source>
        <translation>This laptop is not enrolled with a commune hub yet; everything is kept here until it syncs.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="142" />
        <source>Opening your records…</source>
        <translation>Opening your records…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="149" />
        <source>Waiting to sync: %1</source>
        <translation>Waiting to sync: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="210" />
        <source>About Volunteer Kit</source>
        <translation>About Volunteer Kit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="212" />
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;An offline-first toolkit for the volunteers of “Bình dân học vụ số” (Digital Education for All).&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later. Fonts: Noto Sans, SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Data folder: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;An offline-first toolkit for the volunteers of “Bình dân học vụ số” (Digital Education for All).&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later. Fonts: Noto Sans, SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Data folder: %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="163" />
        <source>Teaching: %1</source>
        <translation>Teaching: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="164" />
        <source>◀  Back</source>
        <translation>◀  Back</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="165" />
        <location filename="../../volunteer_kit/ui/presenter.py" line="207" />
        <source>Next  ▶</source>
        <translation>Next  ▶</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="166" />
        <source>Notes (N)</source>
        <translation>Notes (N)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="167" />
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="168" />
        <source>Step %v of %m</source>
        <translation>Step %v of %m</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="197" />
        <source>  ⚠ pack not verified</source>
        <translation>  ⚠ pack not verified</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="201" />
        <source>No notes for this step.</source>
        <translation>No notes for this step.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="207" />
        <source>Finish  ✓</source>
        <translation>Finish  ✓</translation>
    </message>
</context>
<context>
    <name>QuizWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="279" />
        <source>Quiz: %1</source>
        <translation>Quiz: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="341" />
        <source>Learner: %1</source>
        <translation>Learner: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="343" />
        <source>Question %1 of %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="347" />
        <source> (choose all that apply)</source>
        <translation> (choose all that apply)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="365" />
        <source>Check answer</source>
        <translation>Check answer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="389" />
        <source>Choose an answer first.</source>
        <translation>Choose an answer first.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="403" />
        <source>Right!</source>
        <translation>Right!</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="403" />
        <source>Not quite.</source>
        <translation>Not quite.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="406" />
        <source>See the result</source>
        <translation>See the result</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="406" />
        <source>Next question</source>
        <translation>Next question</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="424" />
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="424" />
        <source>not passed yet</source>
        <translation>not passed yet</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="426" />
        <source>%1 got %2 of %3 right: %4. Now %5.</source>
        <translation>%1 got %2 of %3 right: %4. Now %5.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="109" />
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="112" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="113" />
        <source>Display</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="114" />
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="115" />
        <source>&amp;Text size:</source>
        <translation>&amp;Text size:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="116" />
        <source>Makes every text in the window larger</source>
        <translation>Makes every text in the window larger</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="117" />
        <source>Volunteer profile</source>
        <translation>Volunteer profile</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="118" />
        <source>&amp;Full name:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="119" />
        <source>e.g. Nguyễn Thị Thu Trang</source>
        <translation>e.g. Nguyễn Thị Thu Trang</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="120" />
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="121" />
        <source>&amp;Phone (optional):</source>
        <translation>&amp;Phone (optional):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="122" />
        <source>Commune:</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="123" />
        <source>&amp;Save profile</source>
        <translation>&amp;Save profile</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="146" />
        <source>not set (it comes with enrolment on the commune hub)</source>
        <translation>not set (it comes with enrolment on the commune hub)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="152" />
        <source>Enter your full name.</source>
        <translation>Enter your full name.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="156" />
        <source>A phone number has 10 digits, e.g. 0912345678.</source>
        <translation>A phone number has 10 digits, e.g. 0912345678.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="160" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="165" />
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="173" />
        <source>Not saved.</source>
        <translation>Not saved.</translation>
    </message>
</context>
<context>
    <name>SkillChecksDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="443" />
        <source>Practical skill checks</source>
        <translation>Practical skill checks</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="446" />
        <source>Tick what each learner did by themselves.</source>
        <translation>Tick what each learner did by themselves.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="457" />
        <source> (optional)</source>
        <translation> (optional)</translation>
    </message>
</context>
<context>
    <name>StartSessionDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="64" />
        <source>Start a teaching session</source>
        <translation>Start a teaching session</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="72" />
        <source>e.g. Nhà văn hóa thôn Kim Lan</source>
        <translation>e.g. Nhà văn hóa thôn Kim Lan</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="74" />
        <source>Type a name to find learners</source>
        <translation>Type a name to find learners</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="81" />
        <source>Full name of a newcomer</source>
        <translation>Full name of a newcomer</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="83" />
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="86" />
        <source>&amp;Add with consent…</source>
        <translation>&amp;Add with consent…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="95" />
        <source>Lesson:</source>
        <translation>Lesson:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="96" />
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="97" />
        <source>&amp;Place:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="98" />
        <source>&amp;Find learners:</source>
        <translation>&amp;Find learners:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="102" />
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="109" />
        <source>Someone new? Add them here:</source>
        <translation>Someone new? Add them here:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/teaching.py" line="156" />
        <source>%n learner(s) present</source>
        <translation>
            <numerusform>%n learner present</numerusform><numerusform>%n learners present</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="169" />
        <source>The birth year is four digits, e.g. 1958.</source>
        <translation>The birth year is four digits, e.g. 1958.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="176" />
        <source>Not added: consent was not given.</source>
        <translation>Not added: consent was not given.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="188" />
        <source>%1 was added and marked present.</source>
        <translation>%1 was added and marked present.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="200" />
        <source>%1 is already registered and is now marked present.</source>
        <translation>%1 is already registered and is now marked present.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="227" />
        <source>Already registered?</source>
        <translation>Already registered?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="228" />
        <source>Someone with this name and birth year is already registered. Is it this person?</source>
        <translation>Someone with this name and birth year is already registered. Is it this person?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="229" />
        <source>No, someone else</source>
        <translation>No, someone else</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="242" />
        <source>Someone else</source>
        <translation>Someone else</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="243" />
        <source>Register a new learner with the same name and birth year?</source>
        <translation>Register a new learner with the same name and birth year?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="252" />
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="253" />
        <source>Read this to %1 and ask whether they agree:

%2</source>
        <translation>Read this to %1 and ask whether they agree:

%2</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="57" />
        <location filename="../../volunteer_kit/ui/pages/today.py" line="60" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="61" />
        <source>Learners registered</source>
        <translation>Learners registered</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="62" />
        <source>Teaching sessions this week</source>
        <translation>Teaching sessions this week</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="63" />
        <source>Records waiting to sync</source>
        <translation>Records waiting to sync</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="64" />
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="65" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="66" />
        <source>Load the counts again (F5)</source>
        <translation>Load the counts again (F5)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="80" />
        <source>Opening your records…</source>
        <translation>Opening your records…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="84" />
        <source>Commune: %1</source>
        <translation>Commune: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="86" />
        <source>No commune chosen yet: set it up in Settings.</source>
        <translation>No commune chosen yet: set it up in Settings.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/today.py" line="88" />
        <source>in %n household(s)</source>
        <translation>
            <numerusform>in %n household</numerusform><numerusform>in %n households</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="90" />
        <source>since Monday</source>
        <translation>since Monday</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="93" />
        <source>recorded on this laptop, not yet on the commune hub</source>
        <translation>recorded on this laptop, not yet on the commune hub</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="95" />
        <source>everything has reached the hub</source>
        <translation>everything has reached the hub</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="98" />
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="99" />
        <source>this laptop has not synced yet</source>
        <translation>this laptop has not synced yet</translation>
    </message>
</context>
</TS>