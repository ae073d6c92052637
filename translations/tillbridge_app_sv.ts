<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Tillbridge::Sandbox::DemoSandbox</name>
    <message>
        <location filename="../core/sandbox/demosandbox.cpp" line="+160"/>
        <source>The Sitoo sandbox could not listen on 127.0.0.1 port %1.</source>
        <translation>Sitoo-sandlådan kunde inte lyssna på 127.0.0.1 port %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Prima sandbox needs a folder for its ledger.</source>
        <translation>Prima-sandlådan behöver en mapp för sin huvudbok.</translation>
    </message>
</context>
<context>
    <name>Tillbridge::Sandbox::DemoSession</name>
    <message>
        <location filename="../core/sandbox/demosession.cpp" line="+20"/>
        <source>The demo&apos;s sandbox did not start: %1</source>
        <translation>Demons sandlåda startade inte: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The demo could not store its generated passwords in the system keychain, and Tillbridge keeps passwords nowhere else. %1</source>
        <translation>Demon kunde inte spara sina genererade lösenord i systemets nyckelring, och Tillbridge sparar lösenord ingen annanstans. %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+54"/>
        <source>Sitoo POS to Prima ERP reconciliation workbench</source>
        <translation>Arbetsverktyg för avstämning av Sitoo-kassan mot Prima ERP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open this cache instead of the default one.</source>
        <translation>Öppna denna cache i stället för standardcachen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>path</source>
        <translation>sökväg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start on this view: %1.</source>
        <translation>Starta i denna vy: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>view</source>
        <translation>vy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a PNG of the window once its data has loaded, then quit.</source>
        <translation>Spara en PNG-bild av fönstret när dess data har lästs in och avsluta sedan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>fil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the demo: a sandbox Sitoo and Prima on this computer with generated sales. Its own cache and settings; its passwords go to the keychain.</source>
        <translation>Öppna demon: en Sitoo- och Prima-sandlåda på den här datorn med genererad försäljning. Egen cache och egna inställningar; lösenorden sparas i nyckelringen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tillbridge cannot open its cache</source>
        <translation>Tillbridge kan inte öppna sin cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

Cache: %2</source>
        <translation>%1

Cache: %2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Tillbridge — demo</source>
        <translation>Tillbridge — demo</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Demo: the sandbox Sitoo and Prima are running on this computer; syncing…</source>
        <translation>Demo: Sitoo- och Prima-sandlådorna körs på den här datorn; synkroniserar…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Last sync: %1 orders ready, %2 held back, %3 posted to Prima.</source>
        <translation>Senaste synkronisering: %1 ordrar klara, %2 kvarhållna, %3 bokförda i Prima.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sync: %1</source>
        <translation>Synkronisering: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The demo could not start</source>
        <translation>Demon kunde inte starta</translation>
    </message>
</context>
</TS>
