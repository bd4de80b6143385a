<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ReactionsPage</name>
    <message numerus="yes">
        <source>Exported %n cars to {file}</source>
        <translation>
            <numerusform>Exported %n car to {file}</numerusform>
            <numerusform>Exported %n cars to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> days</source>
        <comment>after the number of days to keep reactions</comment>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exposures</source>
        <comment>the first count of: 3 exposures of 2 cars</comment>
        <translation>
            <numerusform>%n exposure</numerusform>
            <numerusform>%n exposures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cars</source>
        <comment>the second count, after &apos;of&apos;: 3 exposures of 2 cars</comment>
        <translation>
            <numerusform>%n car</numerusform>
            <numerusform>%n cars</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message numerus="yes">
        <source>%n problem(s), {serious} of them stopping part of the kiosk&apos;s work.</source>
        <translation>
            <numerusform>%n problem, {serious} of them stopping part of the kiosk&apos;s work.</numerusform>
            <numerusform>%n problems, {serious} of them stopping part of the kiosk&apos;s work.</numerusform>
        </translation>
    </message>
</context>
</TS>
