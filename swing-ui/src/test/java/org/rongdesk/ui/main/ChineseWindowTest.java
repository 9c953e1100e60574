package org.rongdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import javax.swing.JMenuBar;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.i18n.Texts;
import org.rongdesk.ui.media.Staging;
import org.rongdesk.ui.testing.Audit;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/** The window in Chinese: menus, status and regions speak Chinese, and it passes the same audit. */
@ExtendWith(EjabberdExtension.class)
class ChineseWindowTest extends GuiTest {
    @Test
    void theWholeWindowSpeaksChinese(DevServer server, @TempDir Path dir) throws Exception {
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "zh-alice")) {
            UiContext chinese = new UiContext(alice.client, new Texts(Locale.SIMPLIFIED_CHINESE), alice.ui.announcer(),
                    alice.ui.settings());
            MainWindow window = GuiActionRunner.execute(() -> new MainWindow(chinese,
                    new Staging(dir.resolve("fs")), new Windows.Commands()));
            FrameFixture frame = Windows.show(robot, window);
            JMenuBar bar = onEdt(window::getJMenuBar);
            List<String> menus = onEdt(() -> IntStream.range(0, bar.getMenuCount())
                    .mapToObj(i -> bar.getMenu(i).getText()).toList());
            assertThat(menus).containsExactly("文件(F)", "会话(C)", "消息(M)", "群聊(R)", "联系人(P)", "查看(V)", "帮助(H)");
            await("connected, in Chinese", 10, () -> frame.label("connection").target().getText().equals("已连接（zh-alice）"));
            assertThat(Audit.problems(window)).isEmpty();
        }
    }
}
