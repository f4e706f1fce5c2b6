#!/bin/bash

__kafkactl_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__kafkactl_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__kafkactl_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__kafkactl_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_kafkactl() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __kafkactl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    topics|console-producer|console-consumer|producer-perf-test|consumer-perf-test|consumer-groups|configs|get-offsets|delete-records|copy|acls|log-dirs|leader-election|transactions|reassign-partitions|metadata-quorum|features|top|broker-api-versions|cluster|shell|config|version|completion|help)
        # Offer subcommand argument completions
        "_kafkactl_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'topics console-producer console-consumer producer-perf-test consumer-perf-test consumer-groups configs get-offsets delete-records copy acls log-dirs leader-election transactions reassign-partitions metadata-quorum features top broker-api-versions cluster shell config version completion help' -- "${cur}"))
        ;;
    esac
}

_kafkactl_topics() {
    repeating_flags=()
    non_repeating_flags=(--create --list --describe --alter --delete --verify --diff --if-exists --if-not-exists --exclude-internal --under-replicated-partitions --under-min-isr-partitions --at-min-isr-partitions --unavailable-partitions --topics-with-overrides --version -h --help)
    repeating_options=(--delete-config --config)
    non_repeating_options=(--bootstrap-server --command-config --context --topic --topic-id --partition-size-limit-per-response --partitions --replication-factor --replica-assignment --to-topic --to-bootstrap-server --to-context --to-command-config --partition-map --timeout-ms --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion topics -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--topic-id')
        return
        ;;
    '--delete-config')
        return
        ;;
    '--partition-size-limit-per-response')
        return
        ;;
    '--partitions')
        return
        ;;
    '--replication-factor')
        return
        ;;
    '--replica-assignment')
        return
        ;;
    '--config')
        return
        ;;
    '--to-topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion topics -- --to-topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--to-bootstrap-server')
        return
        ;;
    '--to-context')
        return
        ;;
    '--to-command-config')
        return
        ;;
    '--partition-map')
        __kafkactl_add_completions -W 'same'$'\n''hash'
        return
        ;;
    '--timeout-ms')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_console-producer() {
    repeating_flags=()
    non_repeating_flags=(--sync --version -h --help)
    repeating_options=(--property --producer-property --command-property --reader-property)
    non_repeating_options=(--bootstrap-server --command-config --context --topic --partition --compression-codec --batch-size --max-partition-memory-bytes --message-send-max-retries --retry-backoff-ms --timeout --request-required-acks --request-timeout-ms --metadata-expiry-ms --max-block-ms --max-memory-bytes --socket-buffer-size --line-reader --input-format --reader-config --producer.config)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion console-producer -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--partition')
        return
        ;;
    '--compression-codec')
        return
        ;;
    '--batch-size')
        return
        ;;
    '--max-partition-memory-bytes')
        return
        ;;
    '--message-send-max-retries')
        return
        ;;
    '--retry-backoff-ms')
        return
        ;;
    '--timeout')
        return
        ;;
    '--request-required-acks')
        return
        ;;
    '--request-timeout-ms')
        return
        ;;
    '--metadata-expiry-ms')
        return
        ;;
    '--max-block-ms')
        return
        ;;
    '--max-memory-bytes')
        return
        ;;
    '--socket-buffer-size')
        return
        ;;
    '--line-reader')
        return
        ;;
    '--input-format')
        return
        ;;
    '--property')
        return
        ;;
    '--reader-config')
        return
        ;;
    '--producer-property')
        return
        ;;
    '--command-property')
        return
        ;;
    '--reader-property')
        return
        ;;
    '--producer.config')
        return
        ;;
    esac
}

_kafkactl_console-consumer() {
    repeating_flags=()
    non_repeating_flags=(--from-beginning --exit-at-end --enable-systest-events --skip-message-on-error --stats --version -h --help)
    repeating_options=(--property --consumer-property --command-property --formatter-property)
    non_repeating_options=(--bootstrap-server --command-config --context --topic --include --partition --offset --group --max-messages --timeout-ms --until --formatter --formatter-config --key-deserializer --value-deserializer --consumer.config --isolation-level --where --partitioner --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion console-consumer -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--include')
        return
        ;;
    '--partition')
        return
        ;;
    '--offset')
        return
        ;;
    '--group')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion console-consumer -- --group "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--max-messages')
        return
        ;;
    '--timeout-ms')
        return
        ;;
    '--until')
        return
        ;;
    '--formatter')
        __kafkactl_add_completions -W 'org.apache.kafka.tools.consumer.DefaultMessageFormatter'$'\n''org.apache.kafka.tools.consumer.OffsetsMessageFormatter'$'\n''org.apache.kafka.tools.consumer.GroupMetadataMessageFormatter'
        return
        ;;
    '--property')
        return
        ;;
    '--formatter-config')
        return
        ;;
    '--key-deserializer')
        return
        ;;
    '--value-deserializer')
        return
        ;;
    '--consumer-property')
        return
        ;;
    '--command-property')
        return
        ;;
    '--formatter-property')
        return
        ;;
    '--consumer.config')
        return
        ;;
    '--isolation-level')
        return
        ;;
    '--where')
        return
        ;;
    '--partitioner')
        __kafkactl_add_completions -W 'murmur2'$'\n''consistent'$'\n''fnv1a'$'\n''none'
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_producer-perf-test() {
    repeating_flags=()
    non_repeating_flags=(--print-metrics --version -h --help)
    repeating_options=(--producer-props --command-property)
    non_repeating_options=(--bootstrap-server --command-config --context --topic --num-records --record-size --payload-file --payload-delimiter --throughput --producer.config --transactional-id --transaction-duration-ms --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion producer-perf-test -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--num-records')
        return
        ;;
    '--record-size')
        return
        ;;
    '--payload-file')
        __kafkactl_add_completions -f
        return
        ;;
    '--payload-delimiter')
        return
        ;;
    '--throughput')
        return
        ;;
    '--producer-props')
        return
        ;;
    '--command-property')
        return
        ;;
    '--producer.config')
        __kafkactl_add_completions -f
        return
        ;;
    '--transactional-id')
        return
        ;;
    '--transaction-duration-ms')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_consumer-perf-test() {
    repeating_flags=()
    non_repeating_flags=(--from-latest --print-metrics --show-detailed-stats --hide-header --version -h --help)
    repeating_options=(--command-property)
    non_repeating_options=(--bootstrap-server --command-config --context --topic --include --group --num-records --messages --fetch-size --socket-buffer-size --consumer.config --timeout --reporting-interval --date-format --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion consumer-perf-test -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--include')
        return
        ;;
    '--group')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion consumer-perf-test -- --group "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--num-records')
        return
        ;;
    '--messages')
        return
        ;;
    '--fetch-size')
        return
        ;;
    '--socket-buffer-size')
        return
        ;;
    '--command-property')
        return
        ;;
    '--consumer.config')
        __kafkactl_add_completions -f
        return
        ;;
    '--timeout')
        return
        ;;
    '--reporting-interval')
        return
        ;;
    '--date-format')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_consumer-groups() {
    repeating_flags=()
    non_repeating_flags=(--list --describe --delete --reset-offsets --delete-offsets --doctor --all-groups --all-topics --offsets --members --verbose --time-lag --dry-run --execute --export --to-earliest --to-latest --to-current --version -h --help)
    repeating_options=(--group --topic)
    non_repeating_options=(--bootstrap-server --command-config --context --validate-regex --state --type --to-offset --shift-by --to-datetime --by-duration --from-file --sample-ms --timeout --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--validate-regex')
        return
        ;;
    '--group')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion consumer-groups -- --group "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion consumer-groups -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--state')
        return
        ;;
    '--type')
        return
        ;;
    '--to-offset')
        return
        ;;
    '--shift-by')
        return
        ;;
    '--to-datetime')
        return
        ;;
    '--by-duration')
        return
        ;;
    '--from-file')
        return
        ;;
    '--sample-ms')
        return
        ;;
    '--timeout')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_configs() {
    repeating_flags=()
    non_repeating_flags=(--describe --alter --all --entity-default --broker-defaults --user-defaults --client-defaults --ip-defaults --force --version -h --help)
    repeating_options=(--entity-type --entity-name --delete-config)
    non_repeating_options=(--bootstrap-server --command-config --context --bootstrap-controller --topic --broker --broker-logger --group --client-metrics --user --client --ip --add-config --add-config-file --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--bootstrap-controller')
        return
        ;;
    '--entity-type')
        return
        ;;
    '--entity-name')
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion configs -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--broker')
        return
        ;;
    '--broker-logger')
        return
        ;;
    '--group')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion configs -- --group "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--client-metrics')
        return
        ;;
    '--user')
        return
        ;;
    '--client')
        return
        ;;
    '--ip')
        return
        ;;
    '--add-config')
        return
        ;;
    '--add-config-file')
        return
        ;;
    '--delete-config')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_get-offsets() {
    repeating_flags=()
    non_repeating_flags=(--exclude-internal-topics --version -h --help)
    repeating_options=()
    non_repeating_options=(--bootstrap-server --command-config --context --topic --partitions --topic-partitions --time --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion get-offsets -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--partitions')
        return
        ;;
    '--topic-partitions')
        return
        ;;
    '--time')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_delete-records() {
    repeating_flags=()
    non_repeating_flags=(--execute --version -h --help)
    repeating_options=()
    non_repeating_options=(--bootstrap-server --command-config --context --offset-json-file --topic --partition --before-offset --before --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--offset-json-file')
        __kafkactl_add_completions -f
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion delete-records -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--partition')
        return
        ;;
    '--before-offset')
        return
        ;;
    '--before')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_copy() {
    repeating_flags=()
    non_repeating_flags=(--resume --create-topic --dry-run --version -h --help)
    repeating_options=(--partition)
    non_repeating_options=(--from-topic --from-bootstrap-server --from-command-config --from-context --to-topic --to-bootstrap-server --to-command-config --to-context --from --until --max-messages --partition-map --where --rate --checkpoint --checkpoint-group --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--from-topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion copy -- --from-topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--from-bootstrap-server')
        return
        ;;
    '--from-command-config')
        __kafkactl_add_completions -f
        return
        ;;
    '--from-context')
        return
        ;;
    '--to-topic')
        return
        ;;
    '--to-bootstrap-server')
        return
        ;;
    '--to-command-config')
        __kafkactl_add_completions -f
        return
        ;;
    '--to-context')
        return
        ;;
    '--from')
        return
        ;;
    '--until')
        return
        ;;
    '--partition')
        return
        ;;
    '--max-messages')
        return
        ;;
    '--partition-map')
        __kafkactl_add_completions -W 'same'$'\n''hash'
        return
        ;;
    '--where')
        return
        ;;
    '--rate')
        return
        ;;
    '--checkpoint')
        __kafkactl_add_completions -f
        return
        ;;
    '--checkpoint-group')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion copy -- --checkpoint-group "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_acls() {
    repeating_flags=()
    non_repeating_flags=(--list --add --remove --cluster --producer --consumer --idempotent --force --version -h --help)
    repeating_options=(--topic --group --transactional-id --delegation-token --user-principal --operation --allow-principal --deny-principal --allow-host --deny-host --principal)
    non_repeating_options=(--bootstrap-server --command-config --context --resource-pattern-type --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion acls -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--group')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion acls -- --group "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--transactional-id')
        return
        ;;
    '--delegation-token')
        return
        ;;
    '--user-principal')
        return
        ;;
    '--resource-pattern-type')
        __kafkactl_add_completions -W 'literal'$'\n''prefixed'$'\n''match'$'\n''any'
        return
        ;;
    '--operation')
        __kafkactl_add_completions -W 'All'$'\n''Read'$'\n''Write'$'\n''Create'$'\n''Delete'$'\n''Alter'$'\n''Describe'$'\n''ClusterAction'$'\n''DescribeConfigs'$'\n''AlterConfigs'$'\n''IdempotentWrite'$'\n''CreateTokens'$'\n''DescribeTokens'$'\n''TwoPhaseCommit'
        return
        ;;
    '--allow-principal')
        return
        ;;
    '--deny-principal')
        return
        ;;
    '--allow-host')
        return
        ;;
    '--deny-host')
        return
        ;;
    '--principal')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_log-dirs() {
    repeating_flags=()
    non_repeating_flags=(--describe --version -h --help)
    repeating_options=()
    non_repeating_options=(--bootstrap-server --command-config --context --broker-list --topic-list --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--broker-list')
        return
        ;;
    '--topic-list')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion log-dirs -- --topic-list "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'$'\n''table'
        return
        ;;
    esac
}

_kafkactl_leader-election() {
    repeating_flags=()
    non_repeating_flags=(--all-topic-partitions --version -h --help)
    repeating_options=()
    non_repeating_options=(--bootstrap-server --command-config --context --election-type --topic --partition --path-to-json-file --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--election-type')
        __kafkactl_add_completions -W 'preferred'$'\n''unclean'
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion leader-election -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--partition')
        return
        ;;
    '--path-to-json-file')
        __kafkactl_add_completions -f
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_transactions() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--bootstrap-server --command-config --context --duration-filter --transactional-id-pattern --transactional-id --transactionalId --broker-id --topic --partition --start-offset --producer-id --producer-epoch --coordinator-epoch --max-transaction-timeout --output)
    __kafkactl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--duration-filter')
        return
        ;;
    '--transactional-id-pattern')
        return
        ;;
    '--transactional-id'|'--transactionalId')
        return
        ;;
    '--broker-id')
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion transactions -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--partition')
        return
        ;;
    '--start-offset')
        return
        ;;
    '--producer-id')
        return
        ;;
    '--producer-epoch')
        return
        ;;
    '--coordinator-epoch')
        return
        ;;
    '--max-transaction-timeout')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __kafkactl_add_completions -W 'list'$'\n''describe'$'\n''describe-producers'$'\n''abort'$'\n''find-hanging'$'\n''forceTerminateTransaction'
        return
        ;;
    esac
}

_kafkactl_reassign-partitions() {
    repeating_flags=()
    non_repeating_flags=(--generate --execute --verify --cancel --list --disable-rack-aware --additional --preserve-throttles --disallow-replication-factor-change --version -h --help)
    repeating_options=()
    non_repeating_options=(--bootstrap-server --command-config --context --bootstrap-controller --reassignment-json-file --topics-to-move-json-file --broker-list --throttle --replica-alter-log-dirs-throttle --timeout --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--bootstrap-controller')
        return
        ;;
    '--reassignment-json-file')
        __kafkactl_add_completions -f
        return
        ;;
    '--topics-to-move-json-file')
        __kafkactl_add_completions -f
        return
        ;;
    '--broker-list')
        return
        ;;
    '--throttle')
        return
        ;;
    '--replica-alter-log-dirs-throttle')
        return
        ;;
    '--timeout')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_metadata-quorum() {
    repeating_flags=()
    non_repeating_flags=(--status --replication --human-readable --version -h --help)
    repeating_options=()
    non_repeating_options=(--bootstrap-server --command-config --context --output)
    __kafkactl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __kafkactl_add_completions -W 'describe'
        return
        ;;
    esac
}

_kafkactl_features() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --unsafe --version -h --help)
    repeating_options=(--feature)
    non_repeating_options=(--bootstrap-server --command-config --context --node-id --metadata --release-version --output)
    __kafkactl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--node-id')
        return
        ;;
    '--metadata')
        return
        ;;
    '--release-version')
        return
        ;;
    '--feature')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __kafkactl_add_completions -W 'describe'$'\n''upgrade'$'\n''downgrade'$'\n''disable'$'\n''version-mapping'$'\n''feature-dependencies'
        return
        ;;
    esac
}

_kafkactl_top() {
    repeating_flags=()
    non_repeating_flags=(--reverse --version -h --help)
    repeating_options=()
    non_repeating_options=(--bootstrap-server --command-config --context --group --topic --interval --iterations --sort --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--group')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion top -- --group "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--topic')
        __kafkactl_add_completions -W "$(__kafkactl_custom_complete ---completion top -- --topic "${COMP_CWORD}" "$(__kafkactl_cursor_index_in_current_word)")"
        return
        ;;
    '--interval')
        return
        ;;
    '--iterations')
        return
        ;;
    '--sort')
        __kafkactl_add_completions -W 'group'$'\n''topic'$'\n''state'$'\n''members'$'\n''partitions'$'\n''lag'$'\n''time-lag'$'\n''consume-rate'$'\n''produce-rate'$'\n''eta'
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_broker-api-versions() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--bootstrap-server --command-config --context --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_cluster() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--bootstrap-server --command-config --context --output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_shell() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--bootstrap-server --command-config --context)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--bootstrap-server')
        return
        ;;
    '--command-config')
        return
        ;;
    '--context')
        return
        ;;
    esac
}

_kafkactl_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kafkactl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    get-contexts|use-context|current-context)
        # Offer subcommand argument completions
        "_kafkactl_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'get-contexts use-context current-context' -- "${cur}"))
        ;;
    esac
}

_kafkactl_config_get-contexts() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_config_use-context() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kafkactl_offer_flags_options 1
}

_kafkactl_config_current-context() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kafkactl_offer_flags_options 0
}

_kafkactl_version() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--output)
    __kafkactl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--output')
        __kafkactl_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_kafkactl_completion() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kafkactl_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __kafkactl_add_completions -W 'bash'$'\n''zsh'$'\n''fish'
        return
        ;;
    esac
}

_kafkactl_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __kafkactl_offer_flags_options -1
}

complete -o filenames -F _kafkactl kafkactl
