<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Tillbridge::Reports</name>
    <message numerus="yes">
        <location filename="../core/export/pdf/closepackpdf.cpp" line="+201"/>
        <source>%n line(s) with a variance of %1 daily results.</source>
        <translation>
            <numerusform>%n line with a variance of %1 daily results.</numerusform>
            <numerusform>%n lines with a variance of %1 daily results.</numerusform>
        </translation>
    </message>
</context>
</TS>
