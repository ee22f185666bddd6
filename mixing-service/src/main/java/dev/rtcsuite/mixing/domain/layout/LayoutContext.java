package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.params.LayoutParams;
import dev.rtcsuite.mixing.domain.params.MixConfigRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** What every template asks of the inputs: who may show video, who holds a slot, the 16 cap. */
final class LayoutContext {

    final LayoutParams params;
    final Canvas canvas;
    final List<MixInput> inputs;
    private final Set<String> videoUsers;

    LayoutContext(LayoutParams params, Canvas canvas, List<MixInput> inputs) {
        this.params = params;
        this.canvas = canvas;
        this.inputs = inputs;
        this.videoUsers = Set.copyOf(params.mixVideoUids());
    }

    int width() {
        return canvas.width();
    }

    int height() {
        return canvas.height();
    }

    /** Video on, and the user is in mix_video_uids when that list is set. */
    boolean videoAllowed(int input) {
        MixInput in = inputs.get(input);
        return in.hasVideo() && (videoUsers.isEmpty() || videoUsers.contains(in.userId()));
    }

    /** Streams with video hold a slot; the others as pure_audio_hold_place_mode says. */
    boolean holdsSlot(int input) {
        return videoAllowed(input) || params.audioSlotMode().holdsSlot(params.template());
    }

    OptionalInt indexOf(StreamKey key) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).key().equals(key)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The main stream if it is in the room and holds a slot, else the first slot holder. */
    OptionalInt mainSlotHolder() {
        OptionalInt requested = params.mainStream().map(this::indexOf).orElse(OptionalInt.empty());
        if (requested.isPresent() && holdsSlot(requested.getAsInt())) {
            return requested;
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (holdsSlot(i)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The inputs that are mixed at all: {@code first} (the big pictures), then the others in entry
     * order, at most 16 in all; later ones are neither heard nor seen.
     */
    List<Integer> capped(List<Integer> first) {
        Set<Integer> mixed = new LinkedHashSet<>(first);
        for (int i = 0; i < inputs.size() && mixed.size() < MixConfigRules.MAX_INPUTS; i++) {
            mixed.add(i);
        }
        return new ArrayList<>(mixed);
    }

    static List<Integer> listOf(OptionalInt index) {
        return index.isPresent() ? List.of(index.getAsInt()) : List.of();
    }

    static List<Integer> listOf(Optional<Integer> first, Optional<Integer> second) {
        List<Integer> list = new ArrayList<>();
        first.ifPresent(list::add);
        second.filter(s -> !list.contains(s)).ifPresent(list::add);
        return list;
    }
}
