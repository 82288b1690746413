{{/* The chart's name, or nameOverride. */}}
{{- define "rust-engineer.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The release's full name: the release name alone when it already contains the chart's name, else
release-chart; 63 characters at most (a DNS label).
*/}}
{{- define "rust-engineer.fullname" -}}
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

{{- define "rust-engineer.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* What selects the pods: stable across upgrades. */}}
{{- define "rust-engineer.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rust-engineer.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "rust-engineer.labels" -}}
helm.sh/chart: {{ include "rust-engineer.chart" . }}
{{ include "rust-engineer.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: server
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "rust-engineer.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "rust-engineer.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "rust-engineer.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* One probe on the HTTP port, from its values (path, periodSeconds, timeoutSeconds, failureThreshold). */}}
{{- define "rust-engineer.probe" -}}
httpGet:
  path: {{ .path }}
  port: http
periodSeconds: {{ .periodSeconds }}
timeoutSeconds: {{ .timeoutSeconds }}
failureThreshold: {{ .failureThreshold }}
{{- end }}

{{/*
serve's settings as environment variables, one per key of .Values.config, named after it as serve names them
after its flags: maxBodyBytes (--max-body-bytes) is RUST_ENGINEER_MAX_BODY_BYTES. An empty value is left out.
Numbers are written as integers (YAML numbers reach templates as floats: 8388608 would print as 8.388608e+06).
*/}}
{{- define "rust-engineer.configEnv" -}}
{{- range $key, $value := . }}
{{- if ne (toString $value) "" }}
- name: {{ printf "RUST_ENGINEER_%s" (snakecase $key | upper) }}
  value: {{ ternary (int64 $value | toString) (toString $value) (kindIs "float64" $value) | quote }}
{{- end }}
{{- end }}
{{- end }}
