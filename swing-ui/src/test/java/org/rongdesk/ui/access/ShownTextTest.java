package org.rongdesk.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JTextArea;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

class ShownTextTest {
    @Test
    void directionControlsGoAndOtherControlsShowAsSymbols() {
        assertThat(ShownText.of("\u202egnp.exe\u202c \u202a\u202b\u202d\u2066\u2067\u2068\u2069ok")).isEqualTo("gnp.exe ok");
        assertThat(ShownText.of("a\u0000b\u001bc\u007fd\u0085e\u009bf")).isEqualTo("a\u2400b\u241bc\u2421d\ufffde\ufffdf");
        assertThat(ShownText.of("line\nnext\ttab\r\n")).isEqualTo("line\nnext\ttab\r\n");
        assertThat(ShownText.of("عربي\u200f \u200e\u061c 中文 😀")).as("marks, scripts and pairs stay").isEqualTo("عربي\u200f \u200e\u061c 中文 😀");
        assertThat(ShownText.of("lone \ud83d and \ude00")).isEqualTo("lone \ufffd and \ufffd");
        assertThat(ShownText.of("<html><b>x</b>")).isEqualTo("<html><b>x</b>");
        String clean = "nothing to do";
        assertThat(ShownText.of(clean)).isSameAs(clean);
        assertThat(ShownText.of(null)).isNull();
    }

    @Test
    void plainComponentsShowTheirTextNowAndLaterThroughIt() {
        GuiActionRunner.execute(() -> {
            JLabel label = A11y.plain(new JLabel("\u202eset before"));
            assertThat(label.getText()).isEqualTo("set before");
            label.setText("<html>\u0007later");
            assertThat(label.getText()).isEqualTo("<html>\u2407later");
            assertThat(label.getAccessibleContext().getAccessibleName()).isEqualTo("<html>\u2407later");

            JTextArea area = A11y.plain(new JTextArea("a\u2066b"));
            assertThat(area.getText()).isEqualTo("ab");
            area.setText("c\u0000d\ne");
            assertThat(area.getText()).isEqualTo("c\u2400d\ne");

            JButton button = A11y.plain(new JButton("\u009bchoice"));
            assertThat(button.getText()).isEqualTo("\ufffdchoice");

            // no text (a picture's label): set to none again, it does not set itself for ever
            label.setText(null);
            button.setText(null);
            assertThat(label.getText()).isNull();

            JLabel named = A11y.named(new JLabel(), "\u202ename", "\u0001description");
            assertThat(named.getAccessibleContext().getAccessibleName()).isEqualTo("name");
            assertThat(named.getAccessibleContext().getAccessibleDescription()).isEqualTo("\u2401description");
            return null;
        });
    }
}
