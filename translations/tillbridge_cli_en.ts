<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>TillbridgeCli</name>
    <message numerus="yes">
        <location filename="../app/climain.cpp" line="+741"/>
        <source>%n store(s)</source>
        <translation>
            <numerusform>%n store</numerusform>
            <numerusform>%n stores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n silent store(s)</source>
        <translation>
            <numerusform>%n silent store</numerusform>
            <numerusform>%n silent stores</numerusform>
        </translation>
    </message>
</context>
</TS>
