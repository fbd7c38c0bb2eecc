{{/*
The one template every KMCR service is rendered from: a Deployment and its Service (and, for ingest, the MLLP
listeners' Service). Call with (dict "root" $ "name" "ingest" "svc" $svc).
*/}}
{{- define "kmcr.service" -}}
{{- $root := .root }}
{{- $name := .name }}
{{- $svc := .svc }}
{{- $fullname := include "kmcr.componentName" (list $root $name) }}
{{- $managementPort := add $svc.port 1000 }}
{{- $autoscaling := merge (deepCopy (default dict $svc.autoscaling)) $root.Values.autoscaling }}
{{- $listeners := list }}
{{- if $svc.mllp }}{{ $listeners = default list $svc.mllp.listeners }}{{ end }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "kmcr.labels" (list $root $name) | nindent 4 }}
spec:
  {{- if not $autoscaling.enabled }}
  replicas: {{ default $root.Values.replicas $svc.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  selector:
    matchLabels:
      {{- include "kmcr.selectorLabels" (list $root $name) | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "kmcr.labels" (list $root $name) | nindent 8 }}
      annotations:
        {{- include "kmcr.meshAnnotations" $root | nindent 8 }}
        kmcr.org/management-port: {{ $managementPort | quote }}
    spec:
      {{- include "kmcr.podSecurity" $root | nindent 6 }}
      terminationGracePeriodSeconds: {{ $root.Values.shutdown.terminationGracePeriodSeconds }}
      {{- if $root.Values.topologySpread.enabled }}
      topologySpreadConstraints:
        - maxSkew: {{ $root.Values.topologySpread.maxSkew }}
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: {{ $root.Values.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "kmcr.selectorLabels" (list $root $name) | nindent 14 }}
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "kmcr.selectorLabels" (list $root $name) | nindent 14 }}
      {{- end }}
      containers:
        - name: {{ $name }}
          image: {{ include "kmcr.image" (list $root $svc.image) | quote }}
          imagePullPolicy: {{ $root.Values.global.image.pullPolicy }}
          securityContext:
            {{- toYaml (default $root.Values.containerSecurityContext $svc.containerSecurityContext) | nindent 12 }}
          ports:
            - name: https
              containerPort: {{ $svc.port }}
              protocol: TCP
            - name: management
              containerPort: {{ $managementPort }}
              protocol: TCP
            {{- range $i, $l := $listeners }}
            - name: {{ printf "mllp-%d" $i }}
              containerPort: {{ $l.port }}
              protocol: TCP
            {{- end }}
          env:
            - name: QUARKUS_PROFILE
              value: prod
            # https on the API port only (the services refuse plain-http neighbours and OIDC)
            - name: QUARKUS_HTTP_SSL_PORT
              value: {{ $svc.port | quote }}
            - name: QUARKUS_HTTP_INSECURE_REQUESTS
              value: disabled
            - name: QUARKUS_HTTP_SSL_CERTIFICATE_FILES
              value: /etc/kmcr/tls/tls.crt
            - name: QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES
              value: /etc/kmcr/tls/tls.key
            - name: QUARKUS_TLS_TRUST_STORE_PEM_CERTS
              value: /etc/kmcr/trust/ca.crt
            - name: QUARKUS_MANAGEMENT_PORT
              value: {{ $managementPort | quote }}
            - name: QUARKUS_SHUTDOWN_TIMEOUT
              value: {{ printf "%ds" (int $root.Values.shutdown.quarkusTimeoutSeconds) | quote }}
            - name: KMCR_OIDC_URL
              value: {{ include "kmcr.oidcUrl" $root | quote }}
            {{- range $callee := $svc.calls }}
            - name: {{ printf "KMCR_%s_URL" (upper $callee) }}
              value: {{ include "kmcr.serviceUrl" (list $root $callee) | quote }}
            {{- end }}
            {{- if $svc.database.role }}
            {{- $caSecret := include "kmcr.databaseCaSecret" $root }}
            - name: QUARKUS_DATASOURCE_REACTIVE_URL
              value: {{ printf "postgresql://%s:%v/%s?sslmode=%s" (include "kmcr.databaseHost" (list $root $svc.database.readOnly)) $root.Values.database.port $root.Values.database.name $root.Values.database.sslMode | quote }}
            {{- if $caSecret }}
            - name: QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM
              value: "true"
            - name: QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS
              value: /etc/kmcr/db-ca/ca.crt
            {{- end }}
            - name: QUARKUS_DATASOURCE_USERNAME
              value: {{ $svc.database.role | quote }}
            - name: QUARKUS_DATASOURCE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ required (printf "services.%s.database.existingSecret is required" $name) $svc.database.existingSecret | quote }}
                  key: password
            {{- end }}
            {{- if $svc.oidcClient }}
            - name: KMCR_CLIENT_SECRET
              valueFrom:
                secretKeyRef:
                  name: {{ required (printf "services.%s.oidcClient.existingSecret is required" $name) $svc.oidcClient.existingSecret | quote }}
                  key: {{ required (printf "services.%s.oidcClient.key is required" $name) $svc.oidcClient.key | quote }}
            {{- end }}
            {{- range $s := $svc.secretEnv }}
            - name: {{ $s.name }}
              valueFrom:
                secretKeyRef:
                  name: {{ required (printf "services.%s.secretEnv %s: existingSecret is required" $name $s.name) $s.existingSecret | quote }}
                  key: {{ required (printf "services.%s.secretEnv %s: key is required" $name $s.name) $s.key | quote }}
            {{- end }}
            {{- if $listeners }}
            {{- $specs := list }}
            {{- range $l := $listeners }}{{ $specs = append $specs (printf "%v:%s:%s" $l.port $l.org $l.system) }}{{ end }}
            - name: KMCR_INGEST_MLLP_LISTENERS
              value: {{ join "," $specs | quote }}
            {{- end }}
            - name: QUARKUS_LOG_LEVEL
              value: {{ $root.Values.logging.level | quote }}
            - name: QUARKUS_LOG_CONSOLE_JSON_ENABLED
              value: {{ $root.Values.logging.json | quote }}
            - name: QUARKUS_OTEL_SDK_DISABLED
              value: {{ not $root.Values.openTelemetry.enabled | quote }}
            {{- if $root.Values.openTelemetry.enabled }}
            - name: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT
              value: {{ required "openTelemetry.endpoint is required when openTelemetry.enabled" $root.Values.openTelemetry.endpoint | quote }}
            - name: QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL
              value: {{ $root.Values.openTelemetry.protocol | quote }}
            - name: OTEL_SERVICE_NAME
              value: {{ printf "kmcr-%s" $name | quote }}
            {{- end }}
            {{- range $k, $v := $svc.env }}
            {{- if hasPrefix "KMCR_ALLOW_" $k }}
            {{- fail (printf "services.%s.env.%s: the local run's switches (demo secrets, plain http) are never set in a deployment" $name $k) }}
            {{- end }}
            - name: {{ $k }}
              value: {{ $v | quote }}
            {{- end }}
          resources:
            {{- required (printf "services.%s.resources is required" $name) $svc.resources | toYaml | nindent 12 }}
          startupProbe:
            httpGet: {path: /q/health/started, port: management}
            periodSeconds: 5
            failureThreshold: 36
          livenessProbe:
            httpGet: {path: /q/health/live, port: management}
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet: {path: /q/health/ready, port: management}
            periodSeconds: 5
            failureThreshold: 2
          lifecycle:
            # keep serving while the endpoints' removal spreads to every node, then Quarkus drains
            preStop:
              sleep:
                seconds: {{ $root.Values.shutdown.preStopSleepSeconds }}
          volumeMounts:
            - {name: tmp, mountPath: /tmp}
            - {name: tls, mountPath: /etc/kmcr/tls, readOnly: true}
            - {name: trust, mountPath: /etc/kmcr/trust, readOnly: true}
            {{- if and $svc.database.role (include "kmcr.databaseCaSecret" $root) }}
            - {name: db-ca, mountPath: /etc/kmcr/db-ca, readOnly: true}
            {{- end }}
      volumes:
        {{- include "kmcr.tmpVolume" $root | nindent 8 }}
        - name: tls
          secret:
            secretName: {{ printf "%s-tls" $fullname }}
            items:
              - {key: tls.crt, path: tls.crt}
              - {key: tls.key, path: tls.key}
        - name: trust
          secret:
            {{- if $root.Values.tls.trustBundle.name }}
            secretName: {{ $root.Values.tls.trustBundle.name }}
            items:
              - {key: {{ $root.Values.tls.trustBundle.key }}, path: ca.crt}
            {{- else }}
            secretName: {{ printf "%s-tls" $fullname }}
            items:
              - {key: ca.crt, path: ca.crt}
            {{- end }}
        {{- if $svc.database.role }}
        {{- include "kmcr.databaseCaVolume" $root | nindent 8 }}
        {{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "kmcr.labels" (list $root $name) | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "kmcr.selectorLabels" (list $root $name) | nindent 4 }}
  ports:
    - name: https
      port: {{ $svc.port }}
      targetPort: https
      appProtocol: https
    - name: management
      port: {{ $managementPort }}
      targetPort: management
      appProtocol: http
{{- if $listeners }}
---
# HL7 v2 over MLLP: one port per partner; only the partners' addresses may connect (also the NetworkPolicy)
apiVersion: v1
kind: Service
metadata:
  name: {{ printf "%s-mllp" $fullname }}
  labels:
    {{- include "kmcr.labels" (list $root $name) | nindent 4 }}
  {{- with $svc.mllp.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $svc.mllp.service.type }}
  {{- if eq $svc.mllp.service.type "LoadBalancer" }}
  externalTrafficPolicy: Local
  {{- $cidrs := list }}
  {{- range $l := $listeners }}{{ $cidrs = concat $cidrs (required (printf "MLLP listener %v: partnerCidrs is required" $l.port) $l.partnerCidrs) }}{{ end }}
  loadBalancerSourceRanges:
    {{- toYaml (uniq $cidrs) | nindent 4 }}
  {{- end }}
  selector:
    {{- include "kmcr.selectorLabels" (list $root $name) | nindent 4 }}
  ports:
    {{- range $i, $l := $listeners }}
    - name: {{ printf "mllp-%d" $i }}
      port: {{ $l.port }}
      targetPort: {{ printf "mllp-%d" $i }}
      protocol: TCP
    {{- end }}
{{- end }}
{{- if $root.Values.tls.certManager.enabled }}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: {{ printf "%s-tls" $fullname }}
  labels:
    {{- include "kmcr.labels" (list $root $name) | nindent 4 }}
spec:
  secretName: {{ printf "%s-tls" $fullname }}
  duration: {{ $root.Values.tls.certManager.duration }}
  renewBefore: {{ $root.Values.tls.certManager.renewBefore }}
  privateKey:
    algorithm: ECDSA
    size: 256
    rotationPolicy: Always
  usages: [server auth, client auth]
  dnsNames:
    - {{ $fullname }}
    - {{ printf "%s.%s.svc" $fullname $root.Release.Namespace }}
    - {{ printf "%s.%s.svc.cluster.local" $fullname $root.Release.Namespace }}
  issuerRef:
    {{- toYaml $root.Values.tls.certManager.issuerRef | nindent 4 }}
{{- end }}
{{- end }}
