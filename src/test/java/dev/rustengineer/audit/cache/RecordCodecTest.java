package dev.rustengineer.audit.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    enum Level { LOW, HIGH }

    record Leaf(String name, Level level, Integer maybe, double ratio) {}

    record Tree(List<Leaf> leaves, Map<Integer, String> byLine, int count, long big, boolean flag, Leaf none, String nothing) {}

    private static <T extends Record> T roundTrip(RecordCodec<T> codec, T value, int copies) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RecordCodec.Strings w = new RecordCodec.Strings();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (int i = 0; i < copies; i++) {
                codec.write(out, value, w);
            }
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        RecordCodec.Strings r = new RecordCodec.Strings();
        T last = null;
        for (int i = 0; i < copies; i++) {
            last = codec.read(in, r);
        }
        assertThat(in.available()).isZero();
        return last;
    }

    @Test
    void recordsComeBackEqualAndRepeatedStringsCostLittle() throws Exception {
        Tree t = new Tree(List.of(new Leaf("unsafe block", Level.HIGH, null, 0.5), new Leaf("unsafe block", Level.LOW, 7, -1)),
                Map.of(3, "abc", 9, "def"), 42, 1L << 40, true, null, null);
        RecordCodec<Tree> codec = RecordCodec.of(Tree.class);
        assertThat(roundTrip(codec, t, 1)).isEqualTo(t);
        assertThat(roundTrip(codec, t, 3)).as("strings by index after the first copy").isEqualTo(t);
        ByteArrayOutputStream once = new ByteArrayOutputStream();
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        RecordCodec.Strings s1 = new RecordCodec.Strings();
        RecordCodec.Strings s2 = new RecordCodec.Strings();
        try (DataOutputStream a = new DataOutputStream(once); DataOutputStream b = new DataOutputStream(twice)) {
            codec.write(a, t, s1);
            codec.write(b, t, s2);
            codec.write(b, t, s2);
        }
        assertThat(twice.size() - once.size()).isLessThan(once.size());
    }

    record Unsupported(Set<String> names) {}

    @Test
    void typesItCannotStoreAreRefusedWhenTheCodecIsMade() {
        assertThatThrownBy(() -> RecordCodec.of(Unsupported.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot store");
    }
}
