{{/* Names, labels, images and the pieces every pod shares. */}}

{{- define "kmcr.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "kmcr.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The name of a component's objects: <fullname>-<component>. Call with (list $ "ingest"). */}}
{{- define "kmcr.componentName" -}}
{{- $root := index . 0 }}
{{- printf "%s-%s" (include "kmcr.fullname" $root) (index . 1) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "kmcr.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels every object of the release carries. Call with (list $ "ingest"). */}}
{{- define "kmcr.labels" -}}
{{- $root := index . 0 -}}
helm.sh/chart: {{ include "kmcr.chart" $root }}
{{ include "kmcr.selectorLabels" . }}
app.kubernetes.io/version: {{ $root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $root.Release.Service }}
app.kubernetes.io/part-of: kmcr
{{- end }}

{{/* Selector labels of one component. Call with (list $ "ingest"). */}}
{{- define "kmcr.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ include "kmcr.name" $root }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{/* An image reference, pinned: registry/repository@digest, or registry/repository:tag. "latest" is refused.
     Call with (list $ .image) where .image has repository, tag and digest. */}}
{{- define "kmcr.image" -}}
{{- $root := index . 0 }}
{{- $image := index . 1 }}
{{- $tag := default (default $root.Chart.AppVersion $root.Values.global.image.tag) $image.tag | toString }}
{{- if eq $tag "latest" }}
{{- fail (printf "image %s: the tag \"latest\" is not allowed; pin a version (and optionally a digest)" $image.repository) }}
{{- end }}
{{- $repository := $image.repository }}
{{- if not (contains "/" $repository) }}
{{- $repository = printf "%s/%s" $root.Values.global.image.registry $repository }}
{{- end }}
{{- if $image.digest }}
{{- if not (hasPrefix "sha256:" $image.digest) }}
{{- fail (printf "image %s: digest must start with sha256:" $image.repository) }}
{{- end }}
{{- printf "%s:%s@%s" $repository $tag $image.digest }}
{{- else }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}
{{- end }}

{{/* Pod-level settings shared by every pod of the chart. */}}
{{- define "kmcr.podSecurity" -}}
automountServiceAccountToken: false
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- end }}

{{/* The writable /tmp every container gets (the root file system is read-only). */}}
{{- define "kmcr.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end }}

{{/* The PostgreSQL host a service connects to: record (readOnly) reads from the replicas. */}}
{{- define "kmcr.databaseHost" -}}
{{- $root := index . 0 }}
{{- $readOnly := index . 1 }}
{{- $db := $root.Values.database }}
{{- if eq $db.mode "cloudnativepg" }}
{{- if $readOnly }}
{{- printf "%s-ro" (include "kmcr.componentName" (list $root "postgres")) }}
{{- else }}
{{- printf "%s-rw" (include "kmcr.componentName" (list $root "postgres")) }}
{{- end }}
{{- else if eq $db.mode "external" }}
{{- $host := required "database.external.host is required when database.mode is external" $db.external.host }}
{{- if and $readOnly $db.external.readOnlyHost }}
{{- $db.external.readOnlyHost }}
{{- else }}
{{- $host }}
{{- end }}
{{- else }}
{{- fail "database.mode must be external or cloudnativepg" }}
{{- end }}
{{- end }}

{{/* The Secret and key holding the database server's CA certificate, or nothing (JVM trust). */}}
{{- define "kmcr.databaseCaSecret" -}}
{{- if eq .Values.database.mode "cloudnativepg" }}
{{- printf "%s-ca" (include "kmcr.componentName" (list . "postgres")) }}
{{- else }}
{{- .Values.database.external.caSecret.name }}
{{- end }}
{{- end }}

{{- define "kmcr.databaseCaKey" -}}
{{- if eq .Values.database.mode "cloudnativepg" }}ca.crt{{ else }}{{ .Values.database.external.caSecret.key }}{{ end }}
{{- end }}

{{/* The realm URL the services use; https only. */}}
{{- define "kmcr.oidcUrl" -}}
{{- if eq .Values.keycloak.mode "operator" }}
{{- printf "https://%s/realms/kmcr" (required "keycloak.operator.hostname is required when keycloak.mode is operator" .Values.keycloak.operator.hostname) }}
{{- else }}
{{- $url := required "keycloak.url (the kmcr realm's https URL) is required" .Values.keycloak.url }}
{{- if not (hasPrefix "https://" $url) }}
{{- fail "keycloak.url must be an https:// URL (the services refuse plain-http OIDC)" }}
{{- end }}
{{- $url }}
{{- end }}
{{- end }}

{{/* A neighbour's in-cluster https URL. Call with (list $ "consent"). */}}
{{- define "kmcr.serviceUrl" -}}
{{- $root := index . 0 }}
{{- $name := index . 1 }}
{{- $svc := index $root.Values.services $name }}
{{- printf "https://%s:%v" (include "kmcr.componentName" (list $root $name)) $svc.port }}
{{- end }}

{{/* Mesh sidecar injection annotations for pods. */}}
{{- define "kmcr.meshAnnotations" -}}
{{- if .Values.mesh.enabled }}
{{- if eq .Values.mesh.provider "linkerd" }}
linkerd.io/inject: enabled
{{- else }}
sidecar.istio.io/inject: "true"
{{- end }}
{{- end }}
{{- end }}

{{/* Barman Cloud object store settings, credentials by reference only. Call with (dict "root" $ "path" ...). */}}
{{- define "kmcr.barmanStore" -}}
{{- $b := .root.Values.database.cloudnativepg.backup }}
destinationPath: {{ .path | quote }}
{{- with $b.endpointURL }}
endpointURL: {{ . | quote }}
{{- end }}
{{- if $b.s3Credentials.existingSecret }}
s3Credentials:
  accessKeyId:
    name: {{ $b.s3Credentials.existingSecret }}
    key: {{ $b.s3Credentials.accessKeyIdKey }}
  secretAccessKey:
    name: {{ $b.s3Credentials.existingSecret }}
    key: {{ $b.s3Credentials.secretAccessKeyKey }}
{{- else if $b.azureCredentials.existingSecret }}
azureCredentials:
  connectionString:
    name: {{ $b.azureCredentials.existingSecret }}
    key: {{ $b.azureCredentials.connectionStringKey }}
{{- else }}
{{- fail "database.cloudnativepg.backup: set s3Credentials.existingSecret or azureCredentials.existingSecret (object storage credentials by reference)" }}
{{- end }}
{{- end }}

{{/* NetworkPolicy egress rule to PostgreSQL: the CloudNativePG pods, or the external server's addresses. */}}
{{- define "kmcr.egressDatabase" -}}
{{- if eq .Values.database.mode "cloudnativepg" }}
- to:
    - podSelector:
        matchLabels:
          cnpg.io/cluster: {{ include "kmcr.componentName" (list . "postgres") }}
  ports:
    - {port: {{ .Values.database.port }}, protocol: TCP}
{{- else }}
- to:
    {{- range $cidr := required "database.external.cidrs (the server's addresses, for the NetworkPolicies) is required" .Values.database.external.cidrs }}
    - ipBlock:
        cidr: {{ $cidr }}
    {{- end }}
  ports:
    - {port: {{ .Values.database.port }}, protocol: TCP}
{{- end }}
{{- end }}

{{/* NetworkPolicy egress rule to Keycloak: its pods (operator mode or a namespace), or its addresses. */}}
{{- define "kmcr.egressKeycloak" -}}
{{- $kc := .Values.keycloak }}
{{- if $kc.viaIngress }}
# the realm's public https host, served through the ingress controller
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ .Values.ingress.controllerNamespace }}
  ports:
    - {port: 443, protocol: TCP}
{{- else }}
- to:
    {{- if or (eq $kc.mode "operator") $kc.namespace }}
    - podSelector:
        matchLabels:
          {{- if eq $kc.mode "operator" }}
          app: keycloak
          app.kubernetes.io/instance: {{ include "kmcr.componentName" (list . "keycloak") }}
          {{- else }}
          {{- toYaml $kc.podLabels | nindent 10 }}
          {{- end }}
      {{- if $kc.namespace }}
      namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ $kc.namespace }}
      {{- end }}
    {{- else }}
    {{- range $cidr := required "keycloak.cidrs or keycloak.namespace is required, for the NetworkPolicies" $kc.cidrs }}
    - ipBlock:
        cidr: {{ $cidr }}
    {{- end }}
    {{- end }}
  ports:
    - {port: {{ $kc.port }}, protocol: TCP}
{{- end }}
{{- end }}

{{/* The JDBC URL of the primary for the migration step and the retention job (owner roles), TLS verified. */}}
{{- define "kmcr.ownerJdbcUrl" -}}
{{- $url := printf "jdbc:postgresql://%s:%v/%s?sslmode=%s" (include "kmcr.databaseHost" (list . false)) .Values.database.port .Values.database.name .Values.database.sslMode }}
{{- if include "kmcr.databaseCaSecret" . }}{{ $url = printf "%s&sslrootcert=/etc/kmcr/db-ca/ca.crt" $url }}{{ end }}
{{- $url }}
{{- end }}

{{/* The volume holding the database server's CA certificate as ca.crt, when there is one. */}}
{{- define "kmcr.databaseCaVolume" -}}
{{- if include "kmcr.databaseCaSecret" . }}
- name: db-ca
  secret:
    secretName: {{ include "kmcr.databaseCaSecret" . }}
    items:
      - {key: {{ include "kmcr.databaseCaKey" . }}, path: ca.crt}
{{- end }}
{{- end }}
