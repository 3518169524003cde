package fr.paris.casvp.guichet.web;

import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads JSON, from a counter, the gateway's queue or a partner: what the request says, exactly. No
 * number taken for an enum ({@code "outcome": 1}) or for a text, no {@code null} inside a list, and no text with a
 * control character (NUL, escape sequences) or an invisible formatting one (bidirectional overrides), which would end
 * in a letter or in the database: each is refused as a 400 naming the field. Tab and line breaks stay allowed in text.
 * No text is longer than {@link #MAX_TEXT} characters (a field's own limit, shorter, is checked by its validator): one
 * huge value never reaches the database or a Kafka record.
 */
public final class StrictJson {

    public static final int MAX_TEXT = 10_000;

    private StrictJson() {
    }

    public static void configure(JsonMapper.Builder builder) {
        builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Enum, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .changeDefaultNullHandling(handling -> handling.withContentNulls(Nulls.FAIL))
                .addModule(new SimpleModule("guichet-safe-text").addDeserializer(String.class, new SafeTextDeserializer()));
    }

    /** The offending character's position in {@code text}, or -1 when the text is safe to store and print. */
    public static int unsafeCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f;
            boolean bidi = c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f
                    || c == 0x061c;
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) || Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)));
            if (control || bidi || lone) {
                return i;
            }
        }
        return -1;
    }

    /** Thrown for a text with a character refused by {@link #unsafeCharacter}; never carries the value. */
    public static final class UnsafeTextException extends InvalidFormatException {
        UnsafeTextException(JsonParser parser) {
            super(parser, "Text with a control or invisible formatting character", null, String.class);
        }
    }

    /** Thrown for a text longer than {@link #MAX_TEXT}; never carries the value. */
    public static final class TextTooLongException extends InvalidFormatException {
        TextTooLongException(JsonParser parser) {
            super(parser, "Text longer than " + MAX_TEXT + " characters", null, String.class);
        }
    }

    private static final class SafeTextDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && text.length() > MAX_TEXT) {
                throw new TextTooLongException(parser);
            }
            if (text != null && unsafeCharacter(text) >= 0) {
                throw new UnsafeTextException(parser);
            }
            return text;
        }
    }
}
