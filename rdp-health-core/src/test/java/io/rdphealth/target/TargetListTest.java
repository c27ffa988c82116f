package io.rdphealth.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetListTest {
    @Test
    void splitsCommaAndWhiteSpaceSeparatedEntriesAcrossItems() {
        List<Target> targets = TargetList.parse(List.of("a, b:3390", "[::1]:3391 ; c.example.org"), 3389);

        assertThat(targets).extracting(Target::authority)
                .containsExactly("a:3389", "b:3390", "[::1]:3391", "c.example.org:3389");
        assertThat(targets).extracting(Target::input).containsExactly("a", "b:3390", "[::1]:3391", "c.example.org");
    }

    @Test
    void dropsDuplicatesKeepingTheFirstSpelling() {
        assertThat(TargetList.parse("Host:3389, host, other", 3389)).extracting(Target::input)
                .containsExactly("Host:3389", "other");
    }

    @Test
    void namesTheBadEntry() {
        assertThatThrownBy(() -> TargetList.parse("good, bad:99999", 3389))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageStartingWith("invalid target 'bad:99999'");
    }

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> TargetList.parse(" , ", 3389))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("no target given");
        assertThatThrownBy(() -> TargetList.parse((String) null, 3389)).hasMessageContaining("no target given");
    }
}
