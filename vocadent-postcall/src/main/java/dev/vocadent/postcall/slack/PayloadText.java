package dev.vocadent.postcall.slack;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.webhook.Payload;
import java.util.List;

/** Renders a Block Kit payload as terminal text. */
final class PayloadText {
    private PayloadText() {}

    static String render(Payload p) {
        StringBuilder b = new StringBuilder();
        for (LayoutBlock block : p.getBlocks()) {
            switch (block) {
                case HeaderBlock h -> b.append("== ").append(h.getText().getText()).append(" ==\n");
                case SectionBlock s -> {
                    if (s.getText() != null) {
                        b.append(text(s.getText())).append('\n');
                    }
                    if (s.getFields() != null) {
                        for (TextObject f : s.getFields()) {
                            b.append(text(f).replace("\n", ": ")).append('\n');
                        }
                    }
                }
                case ContextBlock c -> {
                    List<?> elements = c.getElements();
                    for (Object e : elements) {
                        if (e instanceof TextObject t) {
                            b.append(text(t)).append('\n');
                        } else if (e instanceof BlockElement) {
                            b.append("[element]\n");
                        }
                    }
                }
                case DividerBlock d -> b.append("--\n");
                default -> { }
            }
        }
        return b.toString();
    }

    private static String text(TextObject t) {
        String s = switch (t) {
            case MarkdownTextObject m -> m.getText();
            case PlainTextObject p -> p.getText();
            default -> "";
        };
        return s.replaceAll("\\*([A-Za-z][A-Za-z ]*)\\*", "$1").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
