package fr.paris.casvp.guichet.monthlyrun;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A slice of the grants' ids, both bounds included, in PostgreSQL's order of uuids (unsigned bytes): a monthly run is
 * shared out by slices, each paid in id order by one runner at a time.
 *
 * @param index its place among the slices (in the slice's lock key)
 */
public record IdSlice(int index, UUID first, UUID last) {

    /** The whole uuid space cut into {@code count} slices (a power of two, at most 256) by the leading bits. */
    public static List<IdSlice> split(int count) {
        if (Integer.bitCount(count) != 1 || count > 256) {
            throw new IllegalArgumentException("The slices of a monthly run are a power of two up to 256, not " + count);
        }
        int bits = Integer.numberOfTrailingZeros(count);
        return IntStream.range(0, count).mapToObj(i -> {
            long high = bits == 0 ? 0 : (long) i << (64 - bits);
            long rest = bits == 0 ? -1L : -1L >>> bits;
            return new IdSlice(i, new UUID(high, 0), new UUID(high | rest, -1L));
        }).toList();
    }

    /** The id just after {@code id} in uuid order, where the next batch of this slice starts; empty after the last. */
    public Optional<UUID> following(UUID id) {
        if (id.equals(last)) {
            return Optional.empty();
        }
        long low = id.getLeastSignificantBits() + 1;
        return Optional.of(new UUID(id.getMostSignificantBits() + (low == 0 ? 1 : 0), low));
    }
}
