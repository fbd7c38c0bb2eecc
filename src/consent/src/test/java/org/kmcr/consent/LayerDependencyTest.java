package org.kmcr.consent;

import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.LayerRules;

class LayerDependencyTest {

    @Test
    void layersDependInwardOnly() {
        LayerRules.check("org.kmcr.consent");
    }
}
