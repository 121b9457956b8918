package dev.continuity.engine.load;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A YAMLFactory whose parsers record every anchor (Jackson drops anchors on scalars) and type plain
 * scalars with {@link ScalarResolver}.
 */
final class StrictYamlFactory extends YAMLFactory {
    StrictYamlFactory(YAMLFactoryBuilder b) {
        super(b);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }

    /** An anchor as written: its name and 1-based line and column. */
    record Anchor(String name, int line, int column) {
    }

    /** A tag as written, e.g. !!str or !Foo, and where. */
    record Tag(String tag, int line, int column) {
    }

    static final class Parser extends YAMLParser {
        /**
         * Jackson's parser makes its own SnakeYAML resolver in a final field and offers no way to
         * give it another: it is replaced by reflection (the field of a class on the class path).
         * Null when that is not possible (another Jackson): then the parser keeps its own, which
         * gives the same answers more slowly; {@code ScalarResolverTest} fails then.
         */
        private static final java.lang.reflect.Field RESOLVER = resolverField();

        final List<Anchor> anchors = new ArrayList<>();
        final List<Tag> tags = new ArrayList<>();

        Parser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options,
               com.fasterxml.jackson.core.ObjectCodec codec, Reader reader) {
            super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
            if (RESOLVER != null) {
                try {
                    RESOLVER.set(this, ScalarResolver.INSTANCE);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e); // made accessible in resolverField
                }
            }
        }

        private static java.lang.reflect.Field resolverField() {
            try {
                java.lang.reflect.Field f = YAMLParser.class.getDeclaredField("_yamlResolver");
                if (f.getType() != org.yaml.snakeyaml.resolver.Resolver.class) return null;
                f.setAccessible(true);
                return f;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        /** The resolver this parser types plain scalars with. */
        org.yaml.snakeyaml.resolver.Resolver resolver() {
            return _yamlResolver;
        }

        @Override
        protected Event getEvent() throws IOException {
            Event e = super.getEvent();
            if (e instanceof NodeEvent n && !(e instanceof AliasEvent) && n.getAnchor() != null) {
                anchors.add(new Anchor(n.getAnchor(), e.getStartMark().getLine() + 1, e.getStartMark().getColumn() + 1));
            }
            String tag = e instanceof org.yaml.snakeyaml.events.ScalarEvent sc ? sc.getTag()
                    : e instanceof org.yaml.snakeyaml.events.CollectionStartEvent cs ? cs.getTag() : null;
            if (tag != null) {
                tags.add(new Tag(tag, e.getStartMark().getLine() + 1, e.getStartMark().getColumn() + 1));
            }
            return e;
        }
    }
}
