function __kafkactl_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kafkactl_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __kafkactl_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kafkactl_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __kafkactl_parse_tokens -S
    set -l unparsed_tokens (__kafkactl_tokens -pc)
    switch $unparsed_tokens[1]
    case 'kafkactl'
        __kafkactl_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'topics'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'create' 'list' 'describe' 'alter' 'delete' 'topic=' 'topic-id=' 'delete-config=+' 'partition-size-limit-per-response=' 'partitions=' 'replication-factor=' 'replica-assignment=' 'config=+' 'if-exists' 'if-not-exists' 'exclude-internal' 'under-replicated-partitions' 'under-min-isr-partitions' 'at-min-isr-partitions' 'unavailable-partitions' 'topics-with-overrides' 'timeout-ms=' 'output=' 'version' 'h/help'
        case 'console-producer'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'topic=' 'partition=' 'sync' 'compression-codec=' 'batch-size=' 'max-partition-memory-bytes=' 'message-send-max-retries=' 'retry-backoff-ms=' 'timeout=' 'request-required-acks=' 'request-timeout-ms=' 'metadata-expiry-ms=' 'max-block-ms=' 'max-memory-bytes=' 'socket-buffer-size=' 'line-reader=' 'input-format=' 'property=+' 'reader-config=' 'producer-property=+' 'command-property=+' 'reader-property=+' 'producer.config=' 'version' 'h/help'
        case 'console-consumer'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'topic=' 'include=' 'partition=' 'offset=' 'from-beginning' 'group=' 'max-messages=' 'timeout-ms=' 'exit-at-end' 'until=' 'formatter=' 'property=+' 'formatter-config=' 'key-deserializer=' 'value-deserializer=' 'consumer-property=+' 'command-property=+' 'formatter-property=+' 'enable-systest-events' 'consumer.config=' 'isolation-level=' 'skip-message-on-error' 'output=' 'version' 'h/help'
        case 'consumer-groups'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'list' 'describe' 'delete' 'reset-offsets' 'delete-offsets' 'validate-regex=' 'group=+' 'all-groups' 'topic=+' 'all-topics' 'offsets' 'members' 'state=' 'type=' 'verbose' 'time-lag' 'dry-run' 'execute' 'export' 'to-earliest' 'to-latest' 'to-current' 'to-offset=' 'shift-by=' 'to-datetime=' 'by-duration=' 'from-file=' 'timeout=' 'output=' 'version' 'h/help'
        case 'configs'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'bootstrap-controller=' 'describe' 'alter' 'all' 'entity-type=+' 'entity-name=+' 'entity-default' 'topic=' 'broker=' 'broker-logger=' 'group=' 'client-metrics=' 'user=' 'client=' 'ip=' 'broker-defaults' 'user-defaults' 'client-defaults' 'ip-defaults' 'add-config=' 'add-config-file=' 'delete-config=+' 'force' 'output=' 'version' 'h/help'
        case 'get-offsets'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'topic=' 'partitions=' 'topic-partitions=' 'time=' 'exclude-internal-topics' 'output=' 'version' 'h/help'
        case 'delete-records'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'offset-json-file=' 'topic=' 'partition=' 'before-offset=' 'before=' 'execute' 'output=' 'version' 'h/help'
        case 'acls'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'list' 'add' 'remove' 'topic=+' 'group=+' 'cluster' 'transactional-id=+' 'delegation-token=+' 'user-principal=+' 'resource-pattern-type=' 'operation=+' 'allow-principal=+' 'deny-principal=+' 'allow-host=+' 'deny-host=+' 'principal=+' 'producer' 'consumer' 'idempotent' 'force' 'output=' 'version' 'h/help'
        case 'log-dirs'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'describe' 'broker-list=' 'topic-list=' 'output=' 'version' 'h/help'
        case 'leader-election'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'election-type=' 'topic=' 'partition=' 'all-topic-partitions' 'path-to-json-file=' 'output=' 'version' 'h/help'
        case 'broker-api-versions'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'output=' 'version' 'h/help'
        case 'cluster'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'output=' 'version' 'h/help'
        case 'shell'
            __kafkactl_parse_subcommand 0 'bootstrap-server=' 'command-config=' 'context=' 'version' 'h/help'
        case 'config'
            __kafkactl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'get-contexts'
                __kafkactl_parse_subcommand 0 'output=' 'version' 'h/help'
            case 'use-context'
                __kafkactl_parse_subcommand 1 'version' 'h/help'
            case 'current-context'
                __kafkactl_parse_subcommand 0 'version' 'h/help'
            end
        case 'version'
            __kafkactl_parse_subcommand 0 'output=' 'version' 'h/help'
        case 'completion'
            __kafkactl_parse_subcommand 1 'version' 'h/help'
        case 'help'
            __kafkactl_parse_subcommand -r 1 'version'
        end
    end
end

function __kafkactl_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __kafkactl_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __kafkactl_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __kafkactl_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__kafkactl_tokens -p)
    if test -z "$(__kafkactl_tokens -t)"
        set -l index (count (__kafkactl_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'kafkactl' -f
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'topics' -d 'Create, list, describe, alter and delete topics (kafka-topics.sh).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'console-producer' -d 'Read lines from standard input and produce them to a topic (kafka-console-producer.sh).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'console-consumer' -d 'Print the records of a topic (kafka-console-consumer.sh).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'consumer-groups' -d 'List, describe, delete consumer groups and reset their offsets (kafka-consumer-groups.sh).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'configs' -d 'Describe and alter configs of topics, brokers, broker loggers, groups, client-metrics, and the quotas and SCRAM credentials of users, clients and ips (kafka-configs.sh).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'get-offsets' -d 'Print the earliest, latest or by-time offsets of partitions (kafka-get-offsets.sh).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'delete-records' -d 'Delete the records of partitions before an offset (kafka-delete-records.sh).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'acls' -d 'List, add and remove ACLs (kafka-acls.sh).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'log-dirs' -d 'Describe the log directories of brokers (kafka-log-dirs.sh).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'leader-election' -d 'Elect partition leaders (kafka-leader-election.sh).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'broker-api-versions' -d 'Show the API versions every broker offers and the one kafkactl uses (kafka-broker-api-versions.sh).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'cluster' -d 'Show the cluster\'s health at a glance: brokers, controller, partitions in trouble, group states.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'shell' -d 'An interactive shell with one warm connection, history and Tab completion of live names.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'config' -d 'Named connection contexts: list them and pick the current one.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'version' -d 'Print kafkactl\'s version, the commit it was built from and the Swift version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'completion' -d 'Print the completion script for bash, zsh or fish.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" create' -l 'create' -d 'Create a new topic.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" list' -l 'list' -d 'List all available topics.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" describe' -l 'describe' -d 'List details for the given topics.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" alter' -l 'alter' -d 'Alter the number of partitions and replica assignment.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" delete' -l 'delete' -d 'Delete a topic.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" topic' -l 'topic' -d 'The topic to create, or a regular expression (list, describe, alter, delete).' -rfka '(__kafkactl_custom_completion ---completion topics -- --topic (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" topic-id' -l 'topic-id' -d 'Describe: the topic with this id (Kafka\'s 22-character form); wins over --topic.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics"' -l 'delete-config' -d 'No longer supported (deprecated since Kafka 4.0): use kafkactl configs --alter --delete-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" partition-size-limit-per-response' -l 'partition-size-limit-per-response' -d 'Describe: page through DescribeTopicPartitions (Kafka 3.8+) with at most this many partitions per answer; shows eligible leader replicas.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" partitions' -l 'partitions' -d 'The number of partitions for the topic being created or altered.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" replication-factor' -l 'replication-factor' -d 'The replication factor for each partition of the topic being created.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" replica-assignment' -l 'replica-assignment' -d 'Manual replica placement: broker ids per partition, e.g. 1:2,2:3 (partitions by \',\', replicas by \':\').' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics"' -l 'config' -d 'A topic configuration override for the topic being created (repeatable).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" if-exists' -l 'if-exists' -d 'With alter, delete or describe: do nothing if the topic does not exist.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" if-not-exists' -l 'if-not-exists' -d 'With create: do nothing if the topic already exists.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" exclude-internal' -l 'exclude-internal' -d 'Exclude internal topics when listing or describing.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" under-replicated-partitions' -l 'under-replicated-partitions' -d 'Describe: only partitions whose ISR is smaller than the replication factor.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" under-min-isr-partitions' -l 'under-min-isr-partitions' -d 'Describe: only partitions whose ISR is smaller than min.insync.replicas.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" at-min-isr-partitions' -l 'at-min-isr-partitions' -d 'Describe: only partitions whose ISR equals min.insync.replicas.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" unavailable-partitions' -l 'unavailable-partitions' -d 'Describe: only partitions whose leader is not available.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" topics-with-overrides' -l 'topics-with-overrides' -d 'Describe: only topics that override configs, summary lines only.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" timeout-ms' -l 'timeout-ms' -d 'Fail if the command takes longer than this.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl topics" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" topic' -l 'topic' -d 'The topic to produce to.' -rfka '(__kafkactl_custom_completion ---completion console-producer -- --topic (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" partition' -l 'partition' -d 'Produce every record to this partition instead of letting the partitioner choose.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" sync' -l 'sync' -d 'Send each record and wait for its acknowledgement before reading the next line.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" compression-codec' -l 'compression-codec' -d 'Compression: none, gzip, snappy, lz4 or zstd (compression.type).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" batch-size' -l 'batch-size' -d 'batch.size in bytes.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" max-partition-memory-bytes' -l 'max-partition-memory-bytes' -d 'batch.size in bytes (wins over --batch-size).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" message-send-max-retries' -l 'message-send-max-retries' -d 'retries.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" retry-backoff-ms' -l 'retry-backoff-ms' -d 'retry.backoff.ms.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" timeout' -l 'timeout' -d 'linger.ms: how long a batch may wait to fill (not an overall timeout).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" request-required-acks' -l 'request-required-acks' -d 'acks: all (-1), 1 or 0.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" request-timeout-ms' -l 'request-timeout-ms' -d 'request.timeout.ms.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" metadata-expiry-ms' -l 'metadata-expiry-ms' -d 'metadata.max.age.ms (accepted for compatibility).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" max-block-ms' -l 'max-block-ms' -d 'max.block.ms: how long to wait for the topic\'s metadata.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" max-memory-bytes' -l 'max-memory-bytes' -d 'buffer.memory: unacknowledged bytes before reading pauses.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" socket-buffer-size' -l 'socket-buffer-size' -d 'send.buffer.bytes (accepted for compatibility).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" line-reader' -l 'line-reader' -d 'Only Kafka\'s default reader is supported.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" input-format' -l 'input-format' -d 'text (Kafka\'s line reader) or json (the envelope console-consumer --output json writes).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer"' -l 'property' -d 'A line reader property (parse.key, key.separator, parse.headers, headers.delimiter, headers.separator, headers.key.separator, null.marker, ignore.error).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" reader-config' -l 'reader-config' -d 'A file of line reader properties.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer"' -l 'producer-property' -d 'A producer config property (repeatable); Kafka 4.2\'s name for it is --command-property.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer"' -l 'command-property' -d 'A producer config property (repeatable; Kafka 4.2\'s name for --producer-property).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer"' -l 'reader-property' -d 'A line reader property (Kafka 4.2\'s name for --property).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" producer.config' -l 'producer.config' -d 'A producer properties file.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-producer" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" topic' -l 'topic' -d 'The topic to consume.' -rfka '(__kafkactl_custom_completion ---completion console-consumer -- --topic (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" include' -l 'include' -d 'Consume every topic whose name matches this regular expression.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" partition' -l 'partition' -d 'Consume only this partition of --topic.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" offset' -l 'offset' -d 'Where to start: earliest, latest, an offset, -N (the last N records), or a time.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" from-beginning' -l 'from-beginning' -d 'Start at the earliest offset.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" group' -l 'group' -d 'Consume as a member of this consumer group (committing its position).' -rfka '(__kafkactl_custom_completion ---completion console-consumer -- --group (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" max-messages' -l 'max-messages' -d 'Exit after this many records.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" timeout-ms' -l 'timeout-ms' -d 'Exit when no record arrives for this long.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" exit-at-end' -l 'exit-at-end' -d 'Exit once every partition has reached the end offset it had at start.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" until' -l 'until' -d 'Stop each partition before this offset, or before the first record at or after this time (ISO-8601, -15m, now); exits when all are done.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" formatter' -l 'formatter' -d 'Kafka\'s DefaultMessageFormatter (the default), or OffsetsMessageFormatter or GroupMetadataMessageFormatter to read __consumer_offsets (4.x or 2.x/3.x class name; both print Kafka 4.x\'s JSON).' -rfka 'org.apache.kafka.tools.consumer.DefaultMessageFormatter org.apache.kafka.tools.consumer.OffsetsMessageFormatter org.apache.kafka.tools.consumer.GroupMetadataMessageFormatter'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer"' -l 'property' -d 'A formatter property: print.key, print.value, print.timestamp, print.partition, print.offset, print.headers, key.separator, line.separator, headers.separator, null.literal, key.deserializer, value.deserializer.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" formatter-config' -l 'formatter-config' -d 'A file of formatter properties.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" key-deserializer' -l 'key-deserializer' -d 'key.deserializer for printing keys.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" value-deserializer' -l 'value-deserializer' -d 'value.deserializer for printing values.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer"' -l 'consumer-property' -d 'A consumer config property (repeatable); Kafka 4.2\'s name for it is --command-property.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer"' -l 'command-property' -d 'A consumer config property (repeatable; Kafka 4.2\'s name for --consumer-property).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer"' -l 'formatter-property' -d 'A formatter property (Kafka 4.2\'s name for --property).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" enable-systest-events' -l 'enable-systest-events' -d 'Print shutdown_complete on stdout when the consumer has shut down (Kafka\'s system-test event).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" consumer.config' -l 'consumer.config' -d 'A consumer properties file.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" isolation-level' -l 'isolation-level' -d 'read_uncommitted or read_committed.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" skip-message-on-error' -l 'skip-message-on-error' -d 'Skip a record the formatter cannot render instead of stopping.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl console-consumer" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" list' -l 'list' -d 'List all consumer groups.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" describe' -l 'describe' -d 'Describe groups: offsets and lag (default), --members or --state.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" delete' -l 'delete' -d 'Delete groups (they must have no members).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" reset-offsets' -l 'reset-offsets' -d 'Plan (default) or --execute a reset of committed offsets.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" delete-offsets' -l 'delete-offsets' -d 'Delete a group\'s committed offsets for --topic.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" validate-regex' -l 'validate-regex' -d 'Check a regular expression\'s syntax and exit.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups"' -l 'group' -d 'A consumer group (repeatable).' -rfka '(__kafkactl_custom_completion ---completion consumer-groups -- --group (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" all-groups' -l 'all-groups' -d 'Every consumer group.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups"' -l 'topic' -d 'A topic, optionally with partitions (t or t:0,1,2; repeatable).' -rfka '(__kafkactl_custom_completion ---completion consumer-groups -- --topic (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" all-topics' -l 'all-topics' -d 'Reset: every partition the group has committed offsets for.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" offsets' -l 'offsets' -d 'Describe: offsets and lag per partition (the default).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" members' -l 'members' -d 'Describe: one row per member.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" state' -l 'state' -d 'Describe: the group\'s state (no value). List: add a STATE column, optionally only these states (comma separated).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" type' -l 'type' -d 'List: add a TYPE column, optionally only these types (classic, consumer).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" verbose' -l 'verbose' -d 'Describe: extra columns.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" time-lag' -l 'time-lag' -d 'Describe: also how far behind each partition is in time (the age of the next unconsumed record, and how much older it is than the newest), per partition and per topic.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" dry-run' -l 'dry-run' -d 'Reset: only show the plan (the default).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" execute' -l 'execute' -d 'Reset: commit the new offsets.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" export' -l 'export' -d 'Reset: print the plan as CSV that --from-file reads back.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" to-earliest' -l 'to-earliest' -d 'Reset to the earliest offset.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" to-latest' -l 'to-latest' -d 'Reset to the latest offset.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" to-current' -l 'to-current' -d 'Reset to the current committed offset.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" to-offset' -l 'to-offset' -d 'Reset to this offset (clamped to the partition\'s range).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" shift-by' -l 'shift-by' -d 'Reset by this many records (negative: back).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" to-datetime' -l 'to-datetime' -d 'Reset to the first offset at or after this time: YYYY-MM-DDTHH:mm:SS.sss[Z|±hh:mm] (no zone: UTC), or kafkactl\'s time grammar (-2h, now).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" by-duration' -l 'by-duration' -d 'Reset to the first offset at or after now minus this ISO-8601 duration (PnDTnHnMnS).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" from-file' -l 'from-file' -d 'Reset to the offsets in this CSV (topic,partition,offset or group,topic,partition,offset).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" timeout' -l 'timeout' -d 'Timeout for each admin call.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl consumer-groups" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" bootstrap-controller' -l 'bootstrap-controller' -d 'KRaft controllers (not supported: use --bootstrap-server).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" describe' -l 'describe' -d 'Describe the configs of the entities.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" alter' -l 'alter' -d 'Alter the configs of the entity.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" all' -l 'all' -d 'With --describe: every config, defaults and static ones included.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs"' -l 'entity-type' -d 'topics, brokers, broker-loggers, groups, client-metrics, users, clients or ips (users and clients may be given together, each with its --entity-name or --entity-default).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs"' -l 'entity-name' -d 'The entity\'s name: a topic, a broker id, a group, a client-metrics resource, a user principal, a client id, an IP address. Names pair with the types in command-line order.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" entity-default' -l 'entity-default' -d 'The default entity of users, clients, ips or brokers (brokers: the cluster-wide default).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" topic' -l 'topic' -d 'Shorthand for --entity-type topics --entity-name NAME.' -rfka '(__kafkactl_custom_completion ---completion configs -- --topic (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" broker' -l 'broker' -d 'Shorthand for --entity-type brokers --entity-name ID.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" broker-logger' -l 'broker-logger' -d 'Shorthand for --entity-type broker-loggers --entity-name ID.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" group' -l 'group' -d 'Shorthand for --entity-type groups --entity-name NAME.' -rfka '(__kafkactl_custom_completion ---completion configs -- --group (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" client-metrics' -l 'client-metrics' -d 'Shorthand for --entity-type client-metrics --entity-name NAME.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" user' -l 'user' -d 'Shorthand for --entity-type users --entity-name PRINCIPAL.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" client' -l 'client' -d 'Shorthand for --entity-type clients --entity-name CLIENT-ID.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" ip' -l 'ip' -d 'Shorthand for --entity-type ips --entity-name ADDRESS.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" broker-defaults' -l 'broker-defaults' -d 'Shorthand for --entity-type brokers --entity-default.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" user-defaults' -l 'user-defaults' -d 'Shorthand for --entity-type users --entity-default.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" client-defaults' -l 'client-defaults' -d 'Shorthand for --entity-type clients --entity-default.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" ip-defaults' -l 'ip-defaults' -d 'Shorthand for --entity-type ips --entity-default.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" add-config' -l 'add-config' -d 'Configs to set: k1=v1,k2=[v1,v2] (brackets group values that contain commas).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" add-config-file' -l 'add-config-file' -d 'A properties file of configs to set.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs"' -l 'delete-config' -d 'Configs to remove (back to their defaults): k1,k2 (repeatable).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" force' -l 'force' -d 'Accepted for compatibility; has no effect.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl configs" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl get-offsets" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl get-offsets" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl get-offsets" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl get-offsets" topic' -l 'topic' -d 'A regular expression for the topics (default: all).' -rfka '(__kafkactl_custom_completion ---completion get-offsets -- --topic (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl get-offsets" partitions' -l 'partitions' -d 'Partition ids, comma separated (default: all).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl get-offsets" topic-partitions' -l 'topic-partitions' -d 'TOPIC_REGEX[:PARTITIONS], comma separated; PARTITIONS is N, N-M (M exclusive), N- or -M.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl get-offsets" time' -l 'time' -d 'Which offset: latest (-1), earliest (-2), max-timestamp (-3), earliest-local (-4), latest-tiered (-5) or a time.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl get-offsets" exclude-internal-topics' -l 'exclude-internal-topics' -d 'Leave out internal topics.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl get-offsets" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl get-offsets" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl get-offsets" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" offset-json-file' -l 'offset-json-file' -d 'The JSON file with an offset per partition (deletes at once).' -rF
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" topic' -l 'topic' -d 'The topic whose records to delete (kafkactl).' -rfka '(__kafkactl_custom_completion ---completion delete-records -- --topic (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" partition' -l 'partition' -d 'One partition of --topic (default: every partition).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" before-offset' -l 'before-offset' -d 'Delete the records before this offset; -1: all (the high watermark).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" before' -l 'before' -d 'Delete the records before the first one at or after this time.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" execute' -l 'execute' -d 'With --topic: delete (without it, only print what would be deleted).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl delete-records" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" list' -l 'list' -d 'List ACLs (of the resources given; of all without one).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" add' -l 'add' -d 'Add ACLs.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" remove' -l 'remove' -d 'Remove ACLs.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls"' -l 'topic' -d 'A topic the ACLs apply to (\'*\': every topic).' -rfka '(__kafkactl_custom_completion ---completion acls -- --topic (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls"' -l 'group' -d 'A consumer group the ACLs apply to (\'*\': every group).' -rfka '(__kafkactl_custom_completion ---completion acls -- --group (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" cluster' -l 'cluster' -d 'The ACLs apply to the cluster.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls"' -l 'transactional-id' -d 'A transactional id the ACLs apply to (\'*\': every one).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls"' -l 'delegation-token' -d 'A delegation token the ACLs apply to (\'*\': every one).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls"' -l 'user-principal' -d 'A user principal the ACLs apply to, for CreateTokens or DescribeTokens (Kafka 3.3+).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" resource-pattern-type' -l 'resource-pattern-type' -d 'literal or prefixed (to add); also any or match (to list or remove).' -rfka 'literal prefixed match any'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls"' -l 'operation' -d 'An operation to allow or deny (repeatable; default All).' -rfka 'All Read Write Create Delete Alter Describe ClusterAction DescribeConfigs AlterConfigs IdempotentWrite CreateTokens DescribeTokens TwoPhaseCommit'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls"' -l 'allow-principal' -d 'A principal to allow, type:name (User:alice).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls"' -l 'deny-principal' -d 'A principal to deny, type:name. Deny takes precedence over allow.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls"' -l 'allow-host' -d 'A host the allowed principals may connect from (default \'*\').' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls"' -l 'deny-host' -d 'A host the denied principals are denied from (default \'*\').' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls"' -l 'principal' -d 'With --list: only the ACLs of this principal (repeatable).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" producer' -l 'producer' -d 'The ACLs a producer needs on --topic (and --transactional-id).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" consumer' -l 'consumer' -d 'The ACLs a consumer needs on --topic and --group.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" idempotent' -l 'idempotent' -d 'With --producer: also IdempotentWrite on the cluster.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" force' -l 'force' -d 'Remove without asking.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl acls" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl log-dirs" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl log-dirs" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl log-dirs" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl log-dirs" describe' -l 'describe' -d 'Describe the log directories of the brokers (required).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl log-dirs" broker-list' -l 'broker-list' -d 'The brokers to ask, as 0,1,2 (default: every broker).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl log-dirs" topic-list' -l 'topic-list' -d 'Only these topics\' replicas, as t1,t2 (default: every topic).' -rfka '(__kafkactl_custom_completion ---completion log-dirs -- --topic-list (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl log-dirs" output' -l 'output' -d 'Output format: text (Kafka\'s lines and document), json (the document alone) or table (a row per replica).' -rfka 'text json table'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl log-dirs" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl log-dirs" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl leader-election" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl leader-election" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl leader-election" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl leader-election" election-type' -l 'election-type' -d 'preferred or unclean (required).' -rfka 'preferred unclean'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl leader-election" topic' -l 'topic' -d 'The topic of the partition to elect for (with --partition).' -rfka '(__kafkactl_custom_completion ---completion leader-election -- --topic (count (__kafkactl_tokens -pc)) (__kafkactl_tokens -tC))'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl leader-election" partition' -l 'partition' -d 'The partition of --topic to elect for.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl leader-election" all-topic-partitions' -l 'all-topic-partitions' -d 'Elect for every partition that needs it.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl leader-election" path-to-json-file' -l 'path-to-json-file' -d 'A JSON file with the partitions to elect for.' -rF
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl leader-election" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl leader-election" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl leader-election" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl broker-api-versions" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl broker-api-versions" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl broker-api-versions" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl broker-api-versions" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl broker-api-versions" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl broker-api-versions" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl cluster" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl cluster" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl cluster" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl cluster" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl cluster" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl cluster" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl shell" bootstrap-server' -l 'bootstrap-server' -d 'The Kafka broker(s) to connect to, host:port[,host:port...]. Overrides bootstrap.servers from --command-config.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl shell" command-config' -l 'command-config' -d 'A Kafka client properties file (bootstrap.servers, client.id, request.timeout.ms, security.protocol, ssl.*, sasl.*, ...).' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl shell" context' -l 'context' -d 'A named connection from the contexts file ($XDG_CONFIG_HOME/kafkactl/config.yaml); default: $KAFKACTL_CONTEXT, then its current-context.' -rfka ''
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl shell" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl shell" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl config" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl config" -eq 1' -fa 'get-contexts' -d 'List the contexts; * marks the current one. Passwords are never shown, only where they come from.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl config" -eq 1' -fa 'use-context' -d 'Make NAME the current context (only the current-context line changes).'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl config" -eq 1' -fa 'current-context' -d 'Print the name of the current context.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl config get-contexts" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl config get-contexts" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl config get-contexts" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl config use-context" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl config use-context" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl config current-context" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl config current-context" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl version" output' -l 'output' -d 'Output format: text (Kafka\'s layout) or json (one stable document).' -rfka 'text json'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl version" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl version" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_positional "kafkactl completion" -eq 1' -fka 'bash zsh fish'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl completion" version' -l 'version' -d 'Show the version.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl completion" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kafkactl' -n '__kafkactl_should_offer_completions_for_flags_or_options "kafkactl help" version' -l 'version' -d 'Show the version.'
