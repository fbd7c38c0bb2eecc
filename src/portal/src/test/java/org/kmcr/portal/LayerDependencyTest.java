package org.kmcr.portal;

import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.LayerRules;

class LayerDependencyTest {

    @Test
    void layersDependInwardOnly() {
        LayerRules.check("org.kmcr.portal");
    }
}
