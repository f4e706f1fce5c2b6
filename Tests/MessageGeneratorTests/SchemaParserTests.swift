@testable import MessageGenerator
import Testing

@Suite struct SchemaParserTests {
    let example = """
        # CreateTopics: runs on the controller.
        api CreateTopics key 19 versions 2-7 flexible 5+ route controller
        request
          Topics: [CreatableTopic]
            Name: string
            Configs: [CreatableTopicConfig]
              Name: string
              Value: string?
          TimeoutMs: int32 = 60000
          ValidateOnly: bool  v1+   # dry run
        response
          Topics: [CreatableTopicResult]
            TopicId: uuid  v7+
            ErrorMessage: string?v1+
            TopicConfigErrorCode: int16  v5+  tag 0
        """

    @Test func parsesHeaderFieldsAndNesting() throws {
        let schema = try SchemaParser().parse(example, sourceName: "CreateTopics.schema")
        #expect(schema.apiName == "CreateTopics")
        #expect(schema.apiKey == 19)
        #expect(schema.versions == 2...7)
        #expect(schema.firstFlexibleVersion == 5)
        #expect(schema.route == "controller")
        #expect(schema.comments == ["CreateTopics: runs on the controller."])
        let topics = schema.request.fields[0]
        #expect(topics.type == .array(.structure("CreatableTopic")))
        #expect(topics.children?.map(\.name) == ["Name", "Configs"])
        #expect(topics.children?[1].children?[1].nullableVersions == .all)
        let timeout = schema.request.fields[1]
        #expect(timeout.defaultValue == "60000")
        let validateOnly = schema.request.fields[2]
        #expect(validateOnly.versions == VersionRange(lower: 1, upper: nil))
        #expect(validateOnly.comment == "dry run")
        let result = schema.response.fields[0].children!
        #expect(result[1].nullableVersions == VersionRange(lower: 1, upper: nil))
        #expect(result[2].tag == 0)
    }

    @Test func rejectsUnknownModifierWithLine() {
        let text = "api X key 1 versions 0-1 flexible none route any\nrequest\n  A: int32 sometimes\nresponse\n"
        #expect(throws: SchemaError(source: "X.schema", line: 3, message: "unknown modifier `sometimes` (expected vN+, vN-M, tag N, ignorable or = value)")) {
            try SchemaParser().parse(text, sourceName: "X.schema")
        }
    }

    @Test func eachRouteBecomesItsMarkerAndAnUnknownOneIsRefused() throws {
        for (route, marker) in ["coordinator": "GroupCoordinatorRequest", "resource": "ConfigResourceRequest", "node": "BrokerLocalRequest"] {
            let text = "api X key 1 versions 0-1 flexible none route \(route)\nrequest\n  A: int32\nresponse\n"
            #expect(try MessageGenerator().generate(schemaText: text, sourceName: "X.schema").contains("public struct XRequest: \(marker) {"))
        }
        let text = "api X key 1 versions 0-1 flexible none route leaders\nrequest\n  A: int32\nresponse\n"
        #expect(throws: SchemaError.self) { try SchemaParser().parse(text, sourceName: "X.schema") }
    }

    @Test func rejectsMissingSections() {
        #expect(throws: SchemaError.self) {
            try SchemaParser().parse("api X key 1 versions 0-1 flexible none route any\nrequest\n", sourceName: "X.schema")
        }
    }

    @Test func rejectsNestedFieldsUnderAPrimitive() {
        let text = "api X key 1 versions 0-1 flexible none route any\nrequest\n  A: int32\n    B: int32\nresponse\n"
        #expect(throws: SchemaError.self) { try SchemaParser().parse(text, sourceName: "X.schema") }
    }
}

@Suite struct SchemaValidatorTests {
    func validate(_ body: String, header: String = "api X key 1 versions 0-5 flexible 3+ route any") throws {
        let schema = try SchemaParser().parse(header + "\n" + body, sourceName: "X.schema")
        try SchemaValidator().validate(schema)
    }

    @Test func acceptsAWellFormedSchema() throws {
        try validate("request\n  A: int32\n  B: string  v3+  tag 0\n  C: int8  v3+  tag 1\nresponse\n  E: int16\n")
    }

    @Test func tagsMustRise() {
        #expect(throws: SchemaError.self) {
            try validate("request\n  B: string  v3+  tag 1\n  C: int8  v3+  tag 0\nresponse\n")
        }
    }

    @Test func tagsNeedFlexibleVersions() {
        #expect(throws: SchemaError.self) { try validate("request\n  B: string  v1+  tag 0\nresponse\n") }
        #expect(throws: SchemaError.self) {
            try validate("request\n  B: string  tag 0\nresponse\n", header: "api X key 1 versions 0-5 flexible none route any")
        }
    }

    @Test func versionsMustBeInRange() {
        #expect(throws: SchemaError.self) { try validate("request\n  A: int32  v9+\nresponse\n") }
    }

    @Test func onlyReferenceTypesAreNullable() {
        #expect(throws: SchemaError.self) { try validate("request\n  A: int32?\nresponse\n") }
    }

    @Test func structsMustBeDefined() {
        #expect(throws: SchemaError.self) { try validate("request\n  A: [Missing]\nresponse\n") }
    }

    @Test func duplicateFieldsAreRejected() {
        #expect(throws: SchemaError.self) { try validate("request\n  A: int32\n  A: int16\nresponse\n") }
    }

    /// Kafka's commonStructs: one struct under two fields (ConsumerGroupDescribe's Assignment and TargetAssignment).
    @Test func aStructWrittenOutTwiceMustMatchItself() throws {
        try validate("request\nresponse\n  A: S\n    X: int32\n  B: S\n    X: int32\n")
        let error = #expect(throws: SchemaError.self) { try validate("request\nresponse\n  A: S\n    X: int32\n  B: S\n    X: int64\n") }
        #expect(error?.description.contains("struct `S` is defined twice with different fields") == true)
    }
}

@Suite struct SwiftEmitterTests {
    @Test func emitsVersionChecksTagsAndHeader() throws {
        let text = """
            # Example
            api Example key 99 versions 0-4 flexible 2+ route any
            request
              Name: string
              Extra: int32 = -1  v1+
              Hint: string?  v3+  tag 0
            response
              ErrorCode: int16
            """
        let code = try MessageGenerator().generate(schemaText: text, sourceName: "Example.schema")
        #expect(code.hasPrefix("// Generated from Schemas/Example.schema by generate-messages. Do not edit.\n// Example\n"))
        #expect(code.contains("public struct ExampleRequest: AnyBrokerRequest {"))
        #expect(code.contains("public static let firstFlexibleVersion: Int16? = 2"))
        #expect(code.contains("let flexible = version >= 2"))
        #expect(code.contains("} else if self.extra != -1 {"))
        #expect(code.contains("throw WireError(.unsupportedInVersion(version), field: \"ExampleRequest.Extra\")"))
        #expect(code.contains("if version >= 3, self.hint != nil {"))
        #expect(code.contains("case 0 where version >= 3:"))
    }

    /// Kafka's `"ignorable": true`: a field that only adds information is left out at a version without it, where
    /// any other field set to a non-default value there is refused.
    @Test func anIgnorableFieldIsLeftOutWhereItsVersionLacksIt() throws {
        let text = """
            api Example key 99 versions 0-4 flexible none route any
            request
              Name: string
              Note: string? = null  v3+  ignorable
              Extra: int32 = -1  v1+
            response
              ErrorCode: int16
            """
        let schema = try SchemaParser().parse(text, sourceName: "Example.schema")
        #expect(schema.request.fields.map(\.ignorable) == [false, true, false])
        let code = try MessageGenerator().generate(schemaText: text, sourceName: "Example.schema")
        #expect(!code.contains("throw WireError(.unsupportedInVersion(version), field: \"ExampleRequest.Note\")"))
        #expect(code.contains("throw WireError(.unsupportedInVersion(version), field: \"ExampleRequest.Extra\")"))
    }
}
