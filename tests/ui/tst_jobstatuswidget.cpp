// SPDX-License-Identifier: GPL-3.0-or-later
// The status bar's job indicator: shown while a job runs, says what it is doing, cancels at the user's request.
#include "ui/common/jobstatuswidget.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Tillbridge;

class tst_JobStatusWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsProgressAndCancels();
};

void tst_JobStatusWidget::showsProgressAndCancels()
{
    QWidget window;
    auto *widget = new Ui::JobStatusWidget(&window);
    window.show();
    QVERIFY(!widget->isVisible()); // nothing runs
    widget->jobStarted(QStringLiteral("orders"));
    QVERIFY(widget->isVisible());
    auto *label = widget->findChild<QLabel *>();
    QCOMPARE(label->text(), QStringLiteral("Pulling and posting orders"));

    Core::SyncProgress progress;
    progress.step = QStringLiteral("posting");
    progress.ordersReceived = 1200;
    progress.documentsPosted = 300;
    widget->progressed(progress);
    QVERIFY2(label->text().contains(QStringLiteral("posted")), qPrintable(label->text()));

    QSignalSpy cancel(widget, &Ui::JobStatusWidget::cancelRequested);
    auto *button = widget->findChild<QToolButton *>();
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(cancel.size(), 1);
    QVERIFY(!button->isEnabled()); // one request is enough
    QVERIFY(label->text().contains(QStringLiteral("stopping")));

    widget->jobFinished(QStringLiteral("orders"));
    QVERIFY(!widget->isVisible());
}

QTEST_MAIN(tst_JobStatusWidget)
#include "tst_jobstatuswidget.moc"
