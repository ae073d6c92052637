<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Tillbridge::Reports</name>
    <message numerus="yes">
        <location filename="../core/export/pdf/closepackpdf.cpp" line="+201"/>
        <source>Daily results: %1, of which %n with a variance.</source>
        <translation>
            <numerusform>Daily results: %1, of which %n with a variance.</numerusform>
            <numerusform>Daily results: %1, of which %n with a variance.</numerusform>
        </translation>
    </message>
</context>
</TS>
