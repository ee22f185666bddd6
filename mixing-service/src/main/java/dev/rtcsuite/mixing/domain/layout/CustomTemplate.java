package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.params.MixConfigRules;
import dev.rtcsuite.mixing.domain.params.PresetSlot;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Template 4, custom (MIXING.md): preset entries. An entry with a user id is reserved for that
 * user's stream; free entries are filled in entry order by streams without a reserved entry. When
 * every entry is taken, further streams are not mixed at all. With place_holder_mode, an entry
 * without video shows its placeholder image.
 *
 * <p>Decisions: reservations match the stream (user id and stream type), so a user's screen share
 * may take a free entry beside the camera's reserved one; streams without picture take free entries
 * unless pure_audio_hold_place_mode is NEVER, in which case they are heard without an entry (within
 * the 16 cap); a filled entry that shows no video shows its placeholder too.
 */
final class CustomTemplate {

    private CustomTemplate() {}

    static Layout place(LayoutContext context) {
        Placement placement = new Placement(context);
        List<PresetSlot> slots = context.params.presets();
        int[] holder = new int[slots.size()];
        Arrays.fill(holder, -1);
        Map<StreamKey, Integer> reserved = new HashMap<>();
        Deque<Integer> free = new ArrayDeque<>();
        for (int s = 0; s < slots.size(); s++) {
            PresetSlot slot = slots.get(s);
            if (slot.isReserved()) {
                reserved.putIfAbsent(new StreamKey(slot.userId(), slot.streamType()), s);
            } else {
                free.add(s);
            }
        }
        boolean[] seated = new boolean[context.inputs.size()];
        for (int i = 0; i < context.inputs.size(); i++) {
            Integer own = reserved.get(context.inputs.get(i).key());
            if (own != null) {
                holder[own] = i;
                seated[i] = true;
            }
        }
        for (int i = 0; i < context.inputs.size() && !free.isEmpty(); i++) {
            if (!seated[i] && context.holdsSlot(i)) {
                holder[free.poll()] = i;
                seated[i] = true;
            }
        }
        int mixed = 0;
        for (int s = 0; s < slots.size(); s++) {
            PresetSlot slot = slots.get(s);
            int input = holder[s];
            if (input >= 0) {
                mixed++;
                if (slot.inputType().mixesAudio()) {
                    placement.hear(input);
                }
            }
            placement.entry(
                    slot,
                    input,
                    slot.inputType().mixesVideo(),
                    context.params.placeHolderMode(),
                    context.inputs.size() + s);
        }
        for (int i = 0; i < context.inputs.size() && mixed < MixConfigRules.MAX_INPUTS; i++) {
            if (!seated[i] && !context.holdsSlot(i)) {
                placement.hear(i);
                mixed++;
            }
        }
        return placement.layout(false);
    }
}
