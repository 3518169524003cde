package fr.paris.casvp.guichet.monthlyrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdSliceTest {

    @Test
    void theSlicesCoverEveryIdOnceInPostgresOrder() {
        List<IdSlice> slices = IdSlice.split(32);

        assertThat(slices).hasSize(32);
        assertThat(slices.get(0).first()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000000"));
        assertThat(slices.get(0).last()).isEqualTo(UUID.fromString("07ffffff-ffff-ffff-ffff-ffffffffffff"));
        assertThat(slices.get(16).first()).isEqualTo(UUID.fromString("80000000-0000-0000-0000-000000000000"));
        assertThat(slices.get(31).last()).isEqualTo(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        for (int i = 0; i < slices.size(); i++) {
            IdSlice slice = slices.get(i);
            assertThat(slice.index()).isEqualTo(i);
            assertThat(unsigned(slice.first())).isLessThan(unsigned(slice.last()));
            if (i > 0) {
                assertThat(unsigned(slice.first())).isEqualTo(unsigned(slices.get(i - 1).last()).add(BigInteger.ONE));
            }
        }
    }

    @Test
    void theNextBatchStartsJustAfterTheLastIdReadAndNotPastItsSlice() {
        IdSlice slice = IdSlice.split(32).get(3);

        assertThat(slice.following(UUID.fromString("1a2b3c4d-0000-4000-8000-0000000000ff")))
                .contains(UUID.fromString("1a2b3c4d-0000-4000-8000-000000000100"));
        assertThat(slice.following(UUID.fromString("1a2b3c4d-0000-4000-ffff-ffffffffffff")))
                .as("the low half carries into the high half")
                .contains(UUID.fromString("1a2b3c4d-0000-4001-0000-000000000000"));
        assertThat(slice.following(slice.last())).isEmpty();
        assertThat(IdSlice.split(1).get(0).following(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"))).isEmpty();
    }

    @Test
    void aNumberOfSlicesThatIsNotAPowerOfTwoIsRefused() {
        assertThatThrownBy(() -> IdSlice.split(24)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A uuid as PostgreSQL orders it: its 16 bytes as an unsigned number. */
    private static BigInteger unsigned(UUID id) {
        return new BigInteger(1, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
    }
}
