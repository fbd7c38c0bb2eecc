package org.kmcr.record;

import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.LayerRules;

class LayerDependencyTest {

    @Test
    void layersDependInwardOnly() {
        LayerRules.check("org.kmcr.record");
    }
}
