"""Word lists for the synthetic knowledge of `synth.py`: realistic parts that combine."""

from __future__ import annotations

SCOPES = ("Regional", "Enterprise", "Clinical", "Hospital", "Academic", "Community", "Outpatient",
          "Inpatient", "Teleradiology", "Cloud", "Field", "Remote", "Network", "System", "Health",
          "Trauma Center", "Children's Hospital", "Veterans", "Rural", "Metro")
SPECIALTIES = ("Cardiology", "Neuro", "Pediatric", "Oncology", "Orthopedic", "Breast Imaging",
               "Nuclear Medicine", "Interventional", "Emergency", "Mammography", "Dental",
               "Veterinary", "Pathology", "Ophthalmology", "Dermatology", "Endoscopy", "Vascular",
               "Musculoskeletal", "Obstetric", "Ultrasound", "CT", "MRI", "PET",
               "Radiation Oncology", "Women's Health")
HEADS = ("PACS Analyst", "PACS Administrator", "Imaging Archivist", "RIS Analyst",
         "Imaging Informatics Specialist", "VNA Engineer", "DICOM Integration Engineer",
         "HL7 Interface Analyst", "Imaging Systems Coordinator", "Modality Integration Specialist",
         "PACS Support Technician", "Imaging Data Steward", "Radiology Applications Analyst",
         "Enterprise Imaging Architect", "Image Exchange Coordinator", "PACS Manager",
         "Imaging Informatics Director", "PACS Team Lead", "Imaging Workflow Analyst",
         "Teleradiology Coordinator")
SHORT = {"administrator": "admin", "analyst": "analyst", "specialist": "spec", "engineer": "eng",
         "coordinator": "coord", "technician": "tech", "director": "dir", "manager": "mgr",
         "architect": "architect", "archivist": "archivist", "steward": "steward", "lead": "lead"}
RANKS = ("", "Junior", "Senior", "Lead", "Principal", "Associate", "Staff")
LEVEL_OF_HEAD = {"Manager": "leadership", "Director": "leadership", "Lead": "senior",
                 "Architect": "senior"}
CITIES = ("Springfield", "Franklin", "Greenville", "Clinton", "Madison", "Georgetown", "Salem",
          "Fairview", "Riverside", "Oxford", "Jackson", "Milton", "Ashland", "Burlington",
          "Manchester", "Dover", "Hudson", "Marion", "Lexington", "Arlington", "Columbia",
          "Auburn", "Bristol", "Clayton", "Dayton", "Kingston", "Lebanon", "Newport", "Oakland",
          "Princeton", "Richmond", "Troy", "Winchester", "Centerville", "Mount Vernon", "Chester",
          "Florence", "Glendale", "Hamilton", "Lancaster", "Monroe", "Oak Grove", "Pleasant Hill",
          "Shelbyville", "Union City", "Warren", "Waverly", "Woodstock", "Bedford", "Cedar Falls")
STATES = ("Alabama", "Alaska", "Arizona", "Arkansas", "Colorado", "Connecticut", "Delaware",
          "Florida", "Georgia", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
          "Louisiana", "Maine", "Maryland", "Michigan", "Mississippi", "Missouri", "Montana",
          "Nevada", "New Hampshire", "New Jersey", "New Mexico", "North Carolina", "North Dakota",
          "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina",
          "South Dakota", "Texas", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin",
          "Wyoming")
SKILL_TOPICS = ("Image Routing", "Study Migration", "Worklist Management", "Hanging Protocols",
                "Image Lifecycle Management", "Dose Monitoring", "Structured Reporting",
                "Speech Recognition", "Enterprise Viewer", "Storage Tiering", "Disaster Recovery",
                "Interface Monitoring", "Order Reconciliation", "Peer Review", "Critical Results",
                "Image Sharing", "Modality Configuration", "Data Anonymisation", "Audit Logging",
                "Downtime Procedures")
SKILL_STYLE = ("{} Administration", "{} Basics", "Advanced {}", "{} Troubleshooting",
               "{} Design", "{} Scripting", "{} Operations", "{} Auditing")
CONCEPT_QUALS = ("Cloud", "Federated", "Edge", "Hybrid", "Distributed", "Zero-footprint",
                 "Cross-enterprise", "Deconstructed", "Tiered", "Mobile")
CONCEPT_NOUNS = ("Image Archive", "Worklist Broker", "Routing Engine", "Diagnostic Viewer",
                 "Image Exchange", "Teleradiology Gateway", "Dose Registry", "Retention Policy",
                 "Prefetch Rule", "Study Index")
KINDS = (("average", "any", "us"), ("range-low", "any", "us"), ("range-high", "any", "us"),
         ("starting", "entry", "us"), ("experienced", "mid", "us"), ("senior", "senior", "us"),
         ("bonus", "any", "us"), ("total-average", "any", "city"),
         ("total-average", "any", "city"), ("average", "any", "state"))
BASE_PAY = {"entry": 58000, "mid": 82000, "senior": 104000, "leadership": 128000}
LEVEL_ORDER = ("entry", "mid", "senior", "leadership")
CERT_STYLES = ("Certified {}", "Registered {}", "Advanced {} Credential", "{} Certificate")
ORG_KINDS = ("Board of Imaging Informatics", "Society of PACS Professionals",
             "Radiology IT Association", "Imaging Informatics Registry")
RESOURCE_WORDS = ("PACS Boot Camp", "Imaging Informatics Primer", "DICOM Field Guide",
                  "HL7 Interface Workshop", "Radiology IT Handbook", "Enterprise Imaging Review")
FIELDS = ("computer science", "information systems", "information technology", "business",
          "healthcare", "health informatics", "radiologic technology", "nursing")
